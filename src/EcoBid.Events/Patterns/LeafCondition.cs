using System.Text.Json;

namespace EcoBid.Events.Patterns;

/// <summary>
/// The compiled form of a pattern array such as <c>["a", 5, {"prefix": "x"}]</c>: the field matches
/// when any of its leaf values matches any entry.
/// </summary>
/// <remarks>
/// Leaf values are the scalars at the field: the value itself, or the scalar members of an event array
/// (nested arrays flattened, objects skipped). <c>exists</c> looks at leaf values only: <c>exists: true</c>
/// holds when there is at least one (JSON <c>null</c> counts, it is a present value), <c>exists: false</c>
/// holds when there is none (missing field, empty array, or an object, which is not a leaf node).
/// </remarks>
internal sealed class LeafCondition : ValueCondition
{
    private readonly StringMatcher[] stringMatchers;
    private readonly NumberSet? exactNumbers;
    private readonly NumericRange[] ranges;
    private readonly AnythingButCondition[] anythingButs;
    private readonly bool matchesTrue;
    private readonly bool matchesFalse;
    private readonly bool matchesNull;
    private readonly bool existsTrue;
    private readonly bool existsFalse;
    private readonly bool needsText;
    private readonly bool needsCanonicalNumber;

    public LeafCondition(LeafConditionBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        stringMatchers = builder.BuildStringMatchers();
        exactNumbers = builder.ExactNumbers.Count > 0 ? new NumberSet(builder.ExactNumbers) : null;
        ranges = [.. builder.Ranges];
        anythingButs = [.. builder.AnythingButs];
        matchesTrue = builder.MatchesTrue;
        matchesFalse = builder.MatchesFalse;
        matchesNull = builder.MatchesNull;
        existsTrue = builder.ExistsTrue;
        existsFalse = builder.ExistsFalse;
        needsText = stringMatchers.Length > 0 || anythingButs.Length > 0;
        needsCanonicalNumber = exactNumbers is not null || anythingButs.Any(static a => a.ExcludesNumbers);
    }

    public override bool MatchesAbsent => existsFalse;

    public override bool Matches(JsonElement value)
    {
        bool sawLeaf = false;
        return MatchesAnyLeaf(value, ref sawLeaf) || (existsFalse && !sawLeaf);
    }

    private bool MatchesAnyLeaf(JsonElement value, ref bool sawLeaf)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (JsonElement item in value.EnumerateArray())
                {
                    if (MatchesAnyLeaf(item, ref sawLeaf))
                    {
                        return true;
                    }
                }

                return false;
            case JsonValueKind.Object:
                return false;
            default:
                sawLeaf = true;
                return existsTrue || MatchesScalar(value);
        }
    }

    private bool MatchesScalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => needsText && MatchesString(value),
        JsonValueKind.Number => MatchesNumber(value),
        // anything-but excludes strings or numbers only, so every other scalar passes it.
        JsonValueKind.True => matchesTrue || anythingButs.Length > 0,
        JsonValueKind.False => matchesFalse || anythingButs.Length > 0,
        JsonValueKind.Null => matchesNull || anythingButs.Length > 0,
        _ => false,
    };

    private bool MatchesString(JsonElement value)
    {
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
        if (ranges.Length > 0 && value.TryGetDouble(out double number) && double.IsFinite(number))
        {
            foreach (NumericRange range in ranges)
            {
                if (range.Contains(number))
                {
                    return true;
                }
            }
        }

        if (!needsCanonicalNumber)
        {
            return anythingButs.Length > 0;
        }

        Span<char> buffer = stackalloc char[NumberText.StackChars];
        ReadOnlySpan<char> canonical = NumberText.Canonical(value, buffer);
        if (exactNumbers is not null && exactNumbers.Contains(canonical))
        {
            return true;
        }

        foreach (AnythingButCondition anythingBut in anythingButs)
        {
            if (anythingBut.MatchesNumber(canonical))
            {
                return true;
            }
        }

        return false;
    }
}
