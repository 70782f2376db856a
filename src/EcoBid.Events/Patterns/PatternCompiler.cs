using System.Text.Json;

namespace EcoBid.Events.Patterns;

/// <summary>
/// Validates pattern JSON and compiles it into flattened rules, as event-ruler does. Structure rules: the
/// pattern is a non-empty JSON object; every field holds a non-empty object (nested fields) or a non-empty
/// array (values to match); <c>$or</c> holds an array of at least two non-empty objects.
/// </summary>
/// <remarks>
/// <para>
/// Nested keys are joined with '.' into one key path, so <c>{"a": {"b": [1]}}</c> and <c>{"a.b": [1]}</c>
/// are the same pattern. When two fields of one rule land on the same path, both must hold.
/// </para>
/// <para>
/// Every <c>$or</c> is expanded: the pattern becomes the rules formed by choosing one alternative of each
/// <c>$or</c>, at most <see cref="MaxRules"/> of them.
/// </para>
/// <para>
/// <c>{}</c> is rejected ("Empty objects are not allowed"), as EventBridge rejects it; a pattern that
/// should match every event can say <c>{"source": [{"prefix": ""}]}</c>.
/// </para>
/// </remarks>
internal static class PatternCompiler
{
    public const int MaxLength = 4096;
    public const int MaxRules = 1000;
    private const string OrKeyword = "$or";

    public static MatchRule[] Compile(string patternJson)
    {
        if (patternJson.Length > MaxLength)
        {
            throw PatternErrors.Create(string.Empty, $"pattern exceeds maximum length of {MaxLength}");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(patternJson);
        }
        catch (JsonException ex)
        {
            throw PatternErrors.Create(string.Empty, $"Malformed JSON: {JsonKinds.DescribeSyntaxError(ex)}");
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                // event-ruler's wording, which EventBridge returns for a pattern that is not an object.
                throw PatternErrors.Create(string.Empty, $"Filter is not an object (it is {JsonKinds.Describe(root.ValueKind)})");
            }

            return [.. CompileObject(root, string.Empty, string.Empty).Select(static fields => new MatchRule(fields))];
        }
    }

    /// <summary>Compiles a pattern object into its rules (lists of field tests), one per <c>$or</c> combination.</summary>
    /// <param name="patternObject">The object.</param>
    /// <param name="keyPrefix">The key path of the object followed by '.', or empty for the whole pattern.</param>
    /// <param name="path">Where the object is, for messages.</param>
    private static List<List<FieldTest>> CompileObject(JsonElement patternObject, string keyPrefix, string path)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        List<List<FieldTest>> rules = [[]];
        foreach (JsonProperty property in patternObject.EnumerateObject())
        {
            string fieldPath = PatternErrors.Child(path, property.Name);
            if (!names.Add(property.Name))
            {
                throw PatternErrors.Create(fieldPath, $"Duplicate field name \"{property.Name}\"");
            }

            if (property.Name == OrKeyword)
            {
                rules = Combine(rules, CompileAnyOf(property.Value, keyPrefix, fieldPath), fieldPath);
                continue;
            }

            string key = keyPrefix + property.Name;
            switch (property.Value.ValueKind)
            {
                case JsonValueKind.Object:
                    rules = Combine(rules, CompileObject(property.Value, key + ".", fieldPath), fieldPath);
                    break;
                case JsonValueKind.Array:
                    var test = new FieldTest(key, LeafCompiler.Compile(property.Value, fieldPath));
                    foreach (List<FieldTest> rule in rules)
                    {
                        rule.Add(test);
                    }

                    break;
                default:
                    throw PatternErrors.Create(
                        fieldPath,
                        $"\"{property.Name}\" must be an object or an array, not {JsonKinds.Describe(property.Value.ValueKind)}");
            }
        }

        if (names.Count == 0)
        {
            throw PatternErrors.Create(path, "Empty objects are not allowed");
        }

        return rules;
    }

    private static List<List<FieldTest>> CompileAnyOf(JsonElement alternatives, string keyPrefix, string path)
    {
        if (alternatives.ValueKind != JsonValueKind.Array)
        {
            throw PatternErrors.Create(path, $"It must be an Array followed with {OrKeyword}. (It is {JsonKinds.Describe(alternatives.ValueKind)}.)");
        }

        int count = alternatives.GetArrayLength();
        if (count < 2)
        {
            throw PatternErrors.Create(path, $"There must have at least 2 Json objects in array of {OrKeyword} relationship. (It has {count}.)");
        }

        var rules = new List<List<FieldTest>>();
        int index = 0;
        foreach (JsonElement alternative in alternatives.EnumerateArray())
        {
            string alternativePath = PatternErrors.Item(path, index++);
            if (alternative.ValueKind != JsonValueKind.Object)
            {
                throw PatternErrors.Create(alternativePath, $"Only JSON object is allowed in array of {OrKeyword} relationship. (It is {JsonKinds.Describe(alternative.ValueKind)}.)");
            }

            rules.AddRange(CompileObject(alternative, keyPrefix, alternativePath));
            CheckCount(rules.Count, path);
        }

        return rules;
    }

    /// <summary>Every rule of <paramref name="left"/> joined with every rule of <paramref name="right"/>.</summary>
    private static List<List<FieldTest>> Combine(List<List<FieldTest>> left, List<List<FieldTest>> right, string path)
    {
        CheckCount((long)left.Count * right.Count, path);
        var combined = new List<List<FieldTest>>(left.Count * right.Count);
        foreach (List<FieldTest> first in left)
        {
            foreach (List<FieldTest> second in right)
            {
                combined.Add([.. first, .. second]);
            }
        }

        return combined;
    }

    private static void CheckCount(long count, string path)
    {
        if (count > MaxRules)
        {
            throw PatternErrors.Create(path, $"Event pattern is too complex: its $or alternatives combine into {count} rules, more than {MaxRules}");
        }
    }
}
