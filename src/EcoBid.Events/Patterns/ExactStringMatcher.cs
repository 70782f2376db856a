namespace EcoBid.Events.Patterns;

/// <summary>Exact, case-sensitive comparison against a set of strings (no normalization).</summary>
internal sealed class ExactStringMatcher : StringMatcher
{
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> lookup;

    public ExactStringMatcher(IEnumerable<string> values)
    {
        lookup = new HashSet<string>(values, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public override bool Matches(ReadOnlySpan<char> text) => lookup.Contains(text);
}
