namespace EcoBid.Events.Patterns;

/// <summary>Collects the entries of one pattern array while it is being validated.</summary>
internal sealed class LeafConditionBuilder
{
    private readonly HashSet<string> exactStrings = new(StringComparer.Ordinal);
    private readonly List<StringMatcher> stringMatchers = [];

    public NumberSet ExactNumbers { get; } = new();

    public List<NumericRange> Ranges { get; } = [];

    public List<AnythingButCondition> AnythingButs { get; } = [];

    public bool MatchesTrue { get; set; }

    public bool MatchesFalse { get; set; }

    public bool MatchesNull { get; set; }

    public bool ExistsTrue { get; set; }

    public bool ExistsFalse { get; set; }

    public void AddExactString(string value) => exactStrings.Add(value);

    public void AddStringMatcher(StringMatcher matcher) => stringMatchers.Add(matcher);

    /// <summary>Exact strings come first as one set lookup, then the other string matchers in pattern order.</summary>
    public StringMatcher[] BuildStringMatchers() =>
        exactStrings.Count == 0 ? [.. stringMatchers] : [new ExactStringMatcher(exactStrings), .. stringMatchers];
}
