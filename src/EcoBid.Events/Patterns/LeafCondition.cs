using System.Text.Json;

namespace EcoBid.Events.Patterns;

/// <summary>
/// The compiled form of a pattern array such as <c>["a", 5, {"prefix": "x"}]</c>, tested against one leaf
/// value of the event at a time: the field matches when any of its leaf values matches any entry.
/// </summary>
/// <remarks>
/// Leaf values are scalars: strings, numbers, <c>true</c>, <c>false</c> and <c>null</c> (event arrays are
/// flattened into their scalar members, objects hold none). <c>exists: true</c> matches any leaf value,
/// JSON <c>null</c> included; <c>exists: false</c> is the one entry that holds when there is no leaf value.
/// </remarks>
internal sealed class LeafCondition
{
    private readonly StringMatcher[] stringMatchers;
    private readonly NumberSet? exactNumbers;
    private readonly NumericRange[] ranges;
    private readonly AnythingButCondition[] anythingButs;
    private readonly bool matchesTrue;
    private readonly bool matchesFalse;
    private readonly bool matchesNull;
    private readonly bool existsTrue;

    public LeafCondition(LeafConditionBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        stringMatchers = builder.BuildStringMatchers();
        exactNumbers = builder.ExactNumbers.IsEmpty ? null : builder.ExactNumbers;
        ranges = [.. builder.Ranges];
        anythingButs = [.. builder.AnythingButs];
        matchesTrue = builder.MatchesTrue;
        matchesFalse = builder.MatchesFalse;
        matchesNull = builder.MatchesNull;
        existsTrue = builder.ExistsTrue;
        AcceptsAbsence = builder.ExistsFalse;
        TestsValues = existsTrue || stringMatchers.Length > 0 || exactNumbers is not null || ranges.Length > 0
            || anythingButs.Length > 0 || matchesTrue || matchesFalse || matchesNull;
    }

    /// <summary>Whether the field may have no leaf value at all (<c>exists: false</c>).</summary>
    public bool AcceptsAbsence { get; }

    /// <summary>Whether any entry can match a leaf value (every entry but <c>exists: false</c>).</summary>
    public bool TestsValues { get; }

    /// <summary>Tests one scalar leaf value.</summary>
    public bool MatchesValue(JsonElement value) => existsTrue || value.ValueKind switch
    {
        JsonValueKind.String => MatchesString(value),
        JsonValueKind.Number => MatchesNumber(value),
        // anything-but excludes strings or numbers only, so every other scalar passes it.
        JsonValueKind.True => matchesTrue || anythingButs.Length > 0,
        JsonValueKind.False => matchesFalse || anythingButs.Length > 0,
        JsonValueKind.Null => matchesNull || anythingButs.Length > 0,
        _ => false,
    };

    private bool MatchesString(JsonElement value)
    {
        if (stringMatchers.Length == 0 && anythingButs.Length == 0)
        {
            return false;
        }

        Span<char> buffer = stackalloc char[JsonText.StackChars];
        ReadOnlySpan<char> text = JsonText.GetChars(value, buffer);
        foreach (StringMatcher matcher in stringMatchers)
        {
            if (matcher.Matches(text))
            {
                return true;
            }
        }

        foreach (AnythingButCondition anythingBut in anythingButs)
        {
            if (anythingBut.MatchesString(text))
            {
                return true;
            }
        }

        return false;
    }

    private bool MatchesNumber(JsonElement value)
    {
        bool hasKey = ComparableNumber.TryGetKey(value, out long key);
        if (hasKey)
        {
            foreach (NumericRange range in ranges)
            {
                if (range.Contains(key))
                {
                    return true;
                }
            }
        }

        if (exactNumbers is not null && exactNumbers.Contains(value, hasKey, key))
        {
            return true;
        }

        foreach (AnythingButCondition anythingBut in anythingButs)
        {
            if (anythingBut.MatchesNumber(hasKey, key))
            {
                return true;
            }
        }

        return false;
    }
}
