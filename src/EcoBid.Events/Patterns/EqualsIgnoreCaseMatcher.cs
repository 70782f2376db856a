namespace EcoBid.Events.Patterns;

/// <summary><c>equals-ignore-case</c>: ordinal comparison with simple (invariant) case folding.</summary>
internal sealed class EqualsIgnoreCaseMatcher : StringMatcher
{
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> lookup;

    public EqualsIgnoreCaseMatcher(IEnumerable<string> values)
    {
        lookup = new HashSet<string>(values, StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public override bool Matches(ReadOnlySpan<char> text) => lookup.Contains(text);
}
