using System.Text.Json;

namespace EcoBid.Events.Patterns;

/// <summary>
/// Compiles <c>anything-but</c> as event-ruler does, with its messages. Accepted operands: a string; a number
/// within ±5.0e9; a non-empty list of strings or of such numbers (not mixed); or an object with exactly one of
/// <c>prefix</c> or <c>suffix</c> (a non-empty string or a non-empty list of them), <c>equals-ignore-case</c>
/// or <c>wildcard</c> (a string or a non-empty list of strings).
/// </summary>
internal static class AnythingButCompiler
{
    private const string NotAValue = "Value of anything-but must be an array or single string/number value.";
    private const string BadListMember = "Inside anything but list, start|null|boolean is not supported.";
    private const string MixedList = "Inside anything but list, either all values are number or string, mixed type is not supported";
    private const string BadAffix = "prefix/suffix match pattern must be a string";
    private const string EmptyAffix = "Null prefix/suffix not allowed";
    private const string BadIgnoreCaseMember = "Inside anything-but/equals-ignore-case list, number|start|null|boolean is not supported.";

    public static AnythingButCondition Compile(JsonElement operand, string path) => operand.ValueKind switch
    {
        JsonValueKind.String => AnythingButCondition.ExcludingText(new ExactStringMatcher([operand.GetString()!])),
        JsonValueKind.Number => AnythingButCondition.ExcludingNumbers([ComparableNumber.RequireKey(operand, path)]),
        JsonValueKind.Array => CompileList(operand, path),
        JsonValueKind.Object => CompileExpression(operand, path),
        _ => throw PatternErrors.Create(path, NotAValue),
    };

    private static AnythingButCondition CompileList(JsonElement list, string path)
    {
        var strings = new List<string>();
        var numbers = new HashSet<long>();
        int index = 0;
        foreach (JsonElement item in list.EnumerateArray())
        {
            string itemPath = PatternErrors.Item(path, index++);
            switch (item.ValueKind)
            {
                case JsonValueKind.String:
                    strings.Add(item.GetString()!);
                    break;
                case JsonValueKind.Number:
                    numbers.Add(ComparableNumber.RequireKey(item, itemPath));
                    break;
                default:
                    throw PatternErrors.Create(itemPath, BadListMember);
            }

            if (strings.Count > 0 && numbers.Count > 0)
            {
                throw PatternErrors.Create(itemPath, MixedList);
            }
        }

        if (strings.Count == 0 && numbers.Count == 0)
        {
            throw PatternErrors.Create(path, MixedList);
        }

        return strings.Count > 0
            ? AnythingButCondition.ExcludingText(new ExactStringMatcher(strings))
            : AnythingButCondition.ExcludingNumbers(numbers);
    }

    private static AnythingButCondition CompileExpression(JsonElement expression, string path)
    {
        JsonProperty inner = MatchExpressionCompiler.SingleProperty(expression, path);
        string innerPath = PatternErrors.Child(path, inner.Name);
        StringMatcher excluded = inner.Name switch
        {
            MatchTypes.Prefix => AnyOf(Affixes(inner.Value, innerPath), static (text, _) => new PrefixMatcher(text, false)),
            MatchTypes.Suffix => AnyOf(Affixes(inner.Value, innerPath), static (text, _) => new SuffixMatcher(text, false)),
            MatchTypes.EqualsIgnoreCase => new EqualsIgnoreCaseMatcher(IgnoreCaseValues(inner.Value, innerPath)),
            MatchTypes.Wildcard => AnyOf(Wildcards(inner.Value, innerPath), WildcardMatcher.Create),
            _ => throw PatternErrors.Create(innerPath, $"Unsupported anything-but pattern: {inner.Name}"),
        };
        return AnythingButCondition.ExcludingText(excluded);
    }

    private static StringMatcher AnyOf(List<(string Text, string Path)> values, Func<string, string, StringMatcher> create) =>
        values.Count == 1
            ? create(values[0].Text, values[0].Path)
            : new AnyStringMatcher([.. values.Select(v => create(v.Text, v.Path))]);

    private static List<(string Text, string Path)> Affixes(JsonElement operand, string path)
    {
        if (operand.ValueKind == JsonValueKind.Object)
        {
            throw PatternErrors.Create(path, NotAValue);
        }

        List<(string Text, string Path)> values = StringOrList(operand, path, static _ => BadAffix);
        if (values.Count == 0)
        {
            throw PatternErrors.Create(path, EmptyAffix);
        }

        foreach ((string text, string itemPath) in values)
        {
            if (text.Length == 0)
            {
                throw PatternErrors.Create(itemPath, EmptyAffix);
            }
        }

        return values;
    }

    private static IEnumerable<string> IgnoreCaseValues(JsonElement operand, string path) =>
        NonEmpty(StringOrList(operand, path, static _ => BadIgnoreCaseMember), path).Select(static v => v.Text);

    private static List<(string Text, string Path)> Wildcards(JsonElement operand, string path) =>
        NonEmpty(
            StringOrList(operand, path, static value => $"{MatchTypes.Wildcard} match pattern must be a string, not {JsonKinds.Describe(value.ValueKind)}"),
            path);

    private static List<(string Text, string Path)> NonEmpty(List<(string Text, string Path)> values, string path) =>
        values.Count == 0 ? throw PatternErrors.Create(path, "Empty arrays are not allowed") : values;

    /// <summary>A string, or a list of strings (possibly empty, for the caller to judge), each with its path.</summary>
    private static List<(string Text, string Path)> StringOrList(JsonElement operand, string path, Func<JsonElement, string> fault)
    {
        var values = new List<(string Text, string Path)>();
        switch (operand.ValueKind)
        {
            case JsonValueKind.String:
                values.Add((operand.GetString()!, path));
                return values;
            case JsonValueKind.Array:
                int index = 0;
                foreach (JsonElement item in operand.EnumerateArray())
                {
                    string itemPath = PatternErrors.Item(path, index++);
                    values.Add(item.ValueKind == JsonValueKind.String
                        ? (item.GetString()!, itemPath)
                        : throw PatternErrors.Create(itemPath, fault(item)));
                }

                return values;
            default:
                throw PatternErrors.Create(path, fault(operand));
        }
    }
}
