namespace EcoBid.Events.Patterns;

/// <summary>
/// <c>anything-but</c>: holds for a present leaf value that is not excluded. It excludes either strings
/// (exact, prefix, suffix, equals-ignore-case or wildcard) or numbers; values of any other type are never
/// excluded. For an event array the field matches when at least one element is not excluded, because,
/// as the EventBridge documentation puts it, a pattern matches an array when any of its values matches.
/// A missing field never matches anything-but.
/// </summary>
internal sealed class AnythingButCondition
{
    private readonly StringMatcher? excludedText;
    private readonly NumberSet? excludedNumbers;

    private AnythingButCondition(StringMatcher? excludedText, NumberSet? excludedNumbers)
    {
        this.excludedText = excludedText;
        this.excludedNumbers = excludedNumbers;
    }

    public bool ExcludesNumbers => excludedNumbers is not null;

    public static AnythingButCondition ExcludingText(StringMatcher excluded) => new(excluded, null);

    public static AnythingButCondition ExcludingNumbers(NumberSet excluded) => new(null, excluded);

    public bool MatchesString(ReadOnlySpan<char> text) => excludedText is null || !excludedText.Matches(text);

    public bool MatchesNumber(ReadOnlySpan<char> canonicalNumber) =>
        excludedNumbers is null || !excludedNumbers.Contains(canonicalNumber);
}
