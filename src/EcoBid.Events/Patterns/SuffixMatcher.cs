namespace EcoBid.Events.Patterns;

/// <summary><c>suffix</c>, optionally with <c>equals-ignore-case</c> (see <see cref="IgnoreCaseText"/>).</summary>
internal sealed class SuffixMatcher(string suffix, bool ignoreCase) : StringMatcher
{
    private readonly IgnoreCaseText? ignoringCase = ignoreCase ? new IgnoreCaseText(suffix) : null;

    public override bool Matches(ReadOnlySpan<char> text) =>
        ignoringCase?.IsSuffixOf(text) ?? text.EndsWith(suffix, StringComparison.Ordinal);
}
