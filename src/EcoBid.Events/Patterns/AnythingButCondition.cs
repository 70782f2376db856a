namespace EcoBid.Events.Patterns;

/// <summary>
/// <c>anything-but</c>: holds for a leaf value that is not excluded. It excludes either strings (exact,
/// prefix, suffix, equals-ignore-case or wildcard, each alone or as a list) or numbers (by comparable form,
/// see <see cref="ComparableNumber"/>); values of any other type are never excluded. On an event array the
/// field matches when at least one element is not excluded. A missing field never matches anything-but.
/// </summary>
internal sealed class AnythingButCondition
{
    private readonly StringMatcher? excludedText;
    private readonly HashSet<long>? excludedNumbers;

    private AnythingButCondition(StringMatcher? excludedText, HashSet<long>? excludedNumbers)
    {
        this.excludedText = excludedText;
        this.excludedNumbers = excludedNumbers;
    }

    public static AnythingButCondition ExcludingText(StringMatcher excluded) => new(excluded, null);

    public static AnythingButCondition ExcludingNumbers(HashSet<long> excluded) => new(null, excluded);

    public bool MatchesString(ReadOnlySpan<char> text) => excludedText is null || !excludedText.Matches(text);

    public bool MatchesNumber(bool hasKey, long key) =>
        excludedNumbers is null || !hasKey || !excludedNumbers.Contains(key);
}
