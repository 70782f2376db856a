namespace EcoBid.Events.Patterns;

/// <summary><c>equals-ignore-case</c> against one or more values (see <see cref="IgnoreCaseText"/>).</summary>
internal sealed class EqualsIgnoreCaseMatcher : StringMatcher
{
    private readonly IgnoreCaseText[] values;

    public EqualsIgnoreCaseMatcher(IEnumerable<string> values)
    {
        this.values = [.. values.Distinct(StringComparer.Ordinal).Select(static v => new IgnoreCaseText(v))];
    }

    public override bool Matches(ReadOnlySpan<char> text)
    {
        foreach (IgnoreCaseText value in values)
        {
            if (value.IsEqualTo(text))
            {
                return true;
            }
        }

        return false;
    }
}
