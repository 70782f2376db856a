namespace EcoBid.Events.Patterns;

/// <summary><c>prefix</c>, optionally with <c>equals-ignore-case</c>.</summary>
internal sealed class PrefixMatcher(string prefix, bool ignoreCase) : StringMatcher
{
    private readonly StringComparison comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    public override bool Matches(ReadOnlySpan<char> text) => text.StartsWith(prefix, comparison);
}
