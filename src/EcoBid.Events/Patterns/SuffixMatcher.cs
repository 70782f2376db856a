namespace EcoBid.Events.Patterns;

/// <summary><c>suffix</c>, optionally with <c>equals-ignore-case</c>.</summary>
internal sealed class SuffixMatcher(string suffix, bool ignoreCase) : StringMatcher
{
    private readonly StringComparison comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    public override bool Matches(ReadOnlySpan<char> text) => text.EndsWith(suffix, comparison);
}
