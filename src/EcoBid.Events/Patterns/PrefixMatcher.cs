namespace EcoBid.Events.Patterns;

/// <summary><c>prefix</c>, optionally with <c>equals-ignore-case</c> (see <see cref="IgnoreCaseText"/>).</summary>
internal sealed class PrefixMatcher(string prefix, bool ignoreCase) : StringMatcher
{
    private readonly IgnoreCaseText? ignoringCase = ignoreCase ? new IgnoreCaseText(prefix) : null;

    public override bool Matches(ReadOnlySpan<char> text) =>
        ignoringCase?.IsPrefixOf(text) ?? text.StartsWith(prefix, StringComparison.Ordinal);
}
