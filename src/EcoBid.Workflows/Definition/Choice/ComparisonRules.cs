using System.Text.Json.Nodes;
using EcoBid.Workflows.Evaluation;
using EcoBid.Workflows.Json;

namespace EcoBid.Workflows.Definition.Choice;

/// <summary>The operand of a comparison: a literal, or (for the <c>…Path</c> operators) a path.</summary>
internal sealed record ComparisonOperand(JsonNode? Literal, JsonPath? Path)
{
    public JsonNode? Resolve(EvaluationContext context) => Path is null ? Literal : VariableRule.Resolve(context, Path);
}

/// <summary>StringEquals, StringLessThan, … and their <c>…Path</c> forms: ordinal comparison of strings; false if either is not a string.</summary>
internal sealed class StringComparisonRule(JsonPath variable, ComparisonOperator op, ComparisonOperand operand) : VariableRule(variable)
{
    protected override bool Test(JsonNode? value, EvaluationContext context)
    {
        var other = operand.Resolve(context);
        return JsonNodes.AsString(value) is { } a && JsonNodes.AsString(other) is { } b && op.Holds(string.CompareOrdinal(a, b));
    }
}

/// <summary>NumericEquals, NumericLessThan, … and their <c>…Path</c> forms.</summary>
internal sealed class NumericComparisonRule(JsonPath variable, ComparisonOperator op, ComparisonOperand operand) : VariableRule(variable)
{
    protected override bool Test(JsonNode? value, EvaluationContext context)
    {
        var other = operand.Resolve(context);
        return JsonNodes.TryGetNumber(value, out var a) && JsonNodes.TryGetNumber(other, out var b) && op.Holds(a.CompareTo(b));
    }
}

/// <summary>BooleanEquals and BooleanEqualsPath.</summary>
internal sealed class BooleanEqualsRule(JsonPath variable, ComparisonOperand operand) : VariableRule(variable)
{
    protected override bool Test(JsonNode? value, EvaluationContext context)
    {
        var other = operand.Resolve(context);
        return JsonNodes.TryGetBoolean(value, out var a) && JsonNodes.TryGetBoolean(other, out var b) && a == b;
    }
}

/// <summary>TimestampEquals, TimestampLessThan, … and their <c>…Path</c> forms; false unless both are RFC 3339 timestamps.</summary>
internal sealed class TimestampComparisonRule(JsonPath variable, ComparisonOperator op, ComparisonOperand operand) : VariableRule(variable)
{
    protected override bool Test(JsonNode? value, EvaluationContext context)
    {
        var other = operand.Resolve(context);
        return Rfc3339.TryParse(JsonNodes.AsString(value), out var a) && Rfc3339.TryParse(JsonNodes.AsString(other), out var b) && op.Holds(a.CompareTo(b));
    }
}

/// <summary>StringMatches: <c>*</c> matches any run of characters; <c>\*</c> and <c>\\</c> are a literal star and backslash.</summary>
internal sealed class StringMatchesRule(JsonPath variable, string pattern) : VariableRule(variable)
{
    protected override bool Test(JsonNode? value, EvaluationContext context) =>
        JsonNodes.AsString(value) is { } text && Matches(text, pattern);

    internal static bool Matches(string text, string pattern)
    {
        // Tokens: literal characters and the star wildcard, matched greedily with backtracking.
        var tokens = new List<(char Char, bool Star)>();
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length && pattern[i + 1] is '*' or '\\')
            {
                tokens.Add((pattern[++i], false));
            }
            else
            {
                tokens.Add((c, c == '*'));
            }
        }
        int t = 0, p = 0, starP = -1, starT = 0;
        while (t < text.Length)
        {
            if (p < tokens.Count && !tokens[p].Star && tokens[p].Char == text[t])
            {
                t++;
                p++;
            }
            else if (p < tokens.Count && tokens[p].Star)
            {
                starP = p++;
                starT = t;
            }
            else if (starP >= 0)
            {
                p = starP + 1;
                t = ++starT;
            }
            else
            {
                return false;
            }
        }
        while (p < tokens.Count && tokens[p].Star) p++;
        return p == tokens.Count;
    }
}
