using System.Text.Json;

namespace EcoBid.Events.Patterns;

/// <summary>
/// Compiles one match expression, an object with exactly one key inside a pattern array:
/// prefix, suffix, equals-ignore-case, wildcard, anything-but, numeric, cidr or exists.
/// </summary>
internal static class MatchExpressionCompiler
{
    public static void Compile(JsonElement expression, string path, LeafConditionBuilder builder)
    {
        JsonProperty operation = SingleProperty(expression, path);
        string operationPath = PatternErrors.Child(path, operation.Name);
        JsonElement operand = operation.Value;
        switch (operation.Name)
        {
            case MatchTypes.Prefix:
                builder.AddStringMatcher(CompileAffix(operand, operationPath, MatchTypes.Prefix, static (text, ignoreCase) => new PrefixMatcher(text, ignoreCase)));
                break;
            case MatchTypes.Suffix:
                builder.AddStringMatcher(CompileAffix(operand, operationPath, MatchTypes.Suffix, static (text, ignoreCase) => new SuffixMatcher(text, ignoreCase)));
                break;
            case MatchTypes.EqualsIgnoreCase:
                builder.AddStringMatcher(new EqualsIgnoreCaseMatcher([RequireString(operand, operationPath, MatchTypes.EqualsIgnoreCase)]));
                break;
            case MatchTypes.Wildcard:
                builder.AddStringMatcher(WildcardMatcher.Create(RequireString(operand, operationPath, MatchTypes.Wildcard), operationPath));
                break;
            case MatchTypes.Cidr:
                // event-ruler checks the cidr operand with the prefix operator's test and message, and AWS returns that message.
                builder.AddStringMatcher(CidrMatcher.Create(RequireString(operand, operationPath, MatchTypes.Prefix), operationPath));
                break;
            case MatchTypes.AnythingBut:
                builder.AnythingButs.Add(AnythingButCompiler.Compile(operand, operationPath));
                break;
            case MatchTypes.Numeric:
                builder.Ranges.Add(NumericCompiler.Compile(operand, operationPath));
                break;
            case MatchTypes.Exists:
                CompileExists(operand, operationPath, builder);
                break;
            default:
                throw PatternErrors.Create(operationPath, $"Unrecognized match type {operation.Name}");
        }
    }

    /// <summary>Returns the only property of a match expression object.</summary>
    public static JsonProperty SingleProperty(JsonElement expression, string path)
    {
        using JsonElement.ObjectEnumerator properties = expression.EnumerateObject();
        if (!properties.MoveNext())
        {
            throw PatternErrors.Create(path, "Empty objects are not allowed");
        }

        JsonProperty only = properties.Current;
        if (properties.MoveNext())
        {
            throw PatternErrors.Create(path, $"Only one key allowed in match expression, found \"{only.Name}\" and \"{properties.Current.Name}\"");
        }

        return only;
    }

    public static string RequireString(JsonElement operand, string path, string matchType) =>
        operand.ValueKind == JsonValueKind.String
            ? operand.GetString()!
            : throw PatternErrors.Create(path, $"{matchType} match pattern must be a string, not {JsonKinds.Describe(operand.ValueKind)}");

    /// <summary>prefix/suffix: a string, or <c>{"equals-ignore-case": string}</c>.</summary>
    private static StringMatcher CompileAffix(JsonElement operand, string path, string matchType, Func<string, bool, StringMatcher> create)
    {
        if (operand.ValueKind != JsonValueKind.Object)
        {
            return create(RequireString(operand, path, matchType), false);
        }

        JsonProperty inner = SingleProperty(operand, path);
        if (inner.Name != MatchTypes.EqualsIgnoreCase)
        {
            throw PatternErrors.Create(
                path,
                $"{matchType} match pattern must be a string, not an object; only {{\"{MatchTypes.EqualsIgnoreCase}\": string}} may be nested, not \"{inner.Name}\"");
        }

        string innerPath = PatternErrors.Child(path, inner.Name);
        return create(RequireString(inner.Value, innerPath, MatchTypes.EqualsIgnoreCase), true);
    }

    private static void CompileExists(JsonElement operand, string path, LeafConditionBuilder builder)
    {
        switch (operand.ValueKind)
        {
            case JsonValueKind.True:
                builder.ExistsTrue = true;
                break;
            case JsonValueKind.False:
                builder.ExistsFalse = true;
                break;
            default:
                throw PatternErrors.Create(path, $"exists match pattern must be either true or false. (It is {JsonKinds.Describe(operand.ValueKind)}.)");
        }
    }
}
