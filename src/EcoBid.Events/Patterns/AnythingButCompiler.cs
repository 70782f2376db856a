using System.Text.Json;

namespace EcoBid.Events.Patterns;

/// <summary>
/// Compiles <c>anything-but</c>. Accepted operands: a string; a number; a non-empty list of strings or of
/// numbers (not mixed); or an object with exactly one of <c>prefix</c> (string), <c>suffix</c> (string),
/// <c>equals-ignore-case</c> (string or list of strings), <c>wildcard</c> (string or list of strings).
/// </summary>
internal static class AnythingButCompiler
{
    public static AnythingButCondition Compile(JsonElement operand, string path) => operand.ValueKind switch
    {
        JsonValueKind.String => AnythingButCondition.ExcludingText(new ExactStringMatcher([operand.GetString()!])),
        JsonValueKind.Number => AnythingButCondition.ExcludingNumbers(new NumberSet([NumberText.Canonical(operand)])),
        JsonValueKind.Array => CompileList(operand, path),
        JsonValueKind.Object => CompileExpression(operand, path),
        _ => throw PatternErrors.Create(
            path,
            $"Value of anything-but must be an array or single string/number value, not {JsonKinds.Describe(operand.ValueKind)}"),
    };

    private static AnythingButCondition CompileList(JsonElement list, string path)
    {
        if (list.GetArrayLength() == 0)
        {
            throw PatternErrors.Create(path, "Empty arrays are not allowed");
        }

        var strings = new List<string>();
        var numbers = new List<string>();
        int index = 0;
        foreach (JsonElement item in list.EnumerateArray())
        {
            string itemPath = PatternErrors.Item(path, index++);
            if (item.ValueKind == JsonValueKind.String)
            {
                strings.Add(item.GetString()!);
            }
            else if (item.ValueKind == JsonValueKind.Number)
            {
                numbers.Add(NumberText.Canonical(item));
            }
            else
            {
                throw PatternErrors.Create(itemPath, $"Inside anything-but list, only strings and numbers are supported, not {JsonKinds.Describe(item.ValueKind)}");
            }

            if (strings.Count > 0 && numbers.Count > 0)
            {
                throw PatternErrors.Create(itemPath, "Inside anything-but list, mixed types are not supported; use only strings or only numbers");
            }
        }

        return strings.Count > 0
            ? AnythingButCondition.ExcludingText(new ExactStringMatcher(strings))
            : AnythingButCondition.ExcludingNumbers(new NumberSet(numbers));
    }

    private static AnythingButCondition CompileExpression(JsonElement expression, string path)
    {
        JsonProperty inner = MatchExpressionCompiler.SingleProperty(expression, path);
        string innerPath = PatternErrors.Child(path, inner.Name);
        StringMatcher excluded = inner.Name switch
        {
            MatchTypes.Prefix => new PrefixMatcher(MatchExpressionCompiler.RequireString(inner.Value, innerPath, MatchTypes.Prefix), false),
            MatchTypes.Suffix => new SuffixMatcher(MatchExpressionCompiler.RequireString(inner.Value, innerPath, MatchTypes.Suffix), false),
            MatchTypes.EqualsIgnoreCase => new EqualsIgnoreCaseMatcher(StringOrStrings(inner.Value, innerPath, MatchTypes.EqualsIgnoreCase)),
            MatchTypes.Wildcard => CompileWildcards(inner.Value, innerPath),
            _ => throw PatternErrors.Create(innerPath, $"Unsupported anything-but pattern: {inner.Name}"),
        };
        return AnythingButCondition.ExcludingText(excluded);
    }

    private static StringMatcher CompileWildcards(JsonElement operand, string path)
    {
        string[] expressions = StringOrStrings(operand, path, MatchTypes.Wildcard);
        return expressions.Length == 1
            ? WildcardMatcher.Create(expressions[0], path)
            : new AnyStringMatcher([.. expressions.Select((e, i) => WildcardMatcher.Create(e, PatternErrors.Item(path, i)))]);
    }

    private static string[] StringOrStrings(JsonElement operand, string path, string matchType)
    {
        if (operand.ValueKind != JsonValueKind.Array)
        {
            return [MatchExpressionCompiler.RequireString(operand, path, matchType)];
        }

        if (operand.GetArrayLength() == 0)
        {
            throw PatternErrors.Create(path, "Empty arrays are not allowed");
        }

        return [.. operand.EnumerateArray().Select((item, i) => MatchExpressionCompiler.RequireString(item, PatternErrors.Item(path, i), matchType))];
    }
}
