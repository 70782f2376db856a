using System.Text.Json;

namespace EcoBid.Events.Patterns;

/// <summary>
/// Validates pattern JSON and compiles it into a condition tree. Structure rules: the pattern is a
/// non-empty JSON object; every field holds a non-empty object (nested fields) or a non-empty array
/// (values to match); <c>$or</c> holds an array of at least two non-empty objects.
/// </summary>
/// <remarks>
/// <c>{}</c> is rejected ("Empty objects are not allowed"), as EventBridge rejects it; a pattern that
/// should match every event can say <c>{"source": [{"prefix": ""}]}</c>.
/// </remarks>
internal static class PatternCompiler
{
    public const int MaxLength = 4096;
    private const string OrKeyword = "$or";

    public static ObjectCondition Compile(string patternJson)
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
                throw PatternErrors.Create(string.Empty, $"Event pattern must be a JSON object, not {JsonKinds.Describe(root.ValueKind)}");
            }

            return CompileObject(root, string.Empty);
        }
    }

    private static ObjectCondition CompileObject(JsonElement patternObject, string path)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var fields = new List<FieldCondition>();
        var anyOfGroups = new List<ObjectCondition[]>();
        foreach (JsonProperty property in patternObject.EnumerateObject())
        {
            string fieldPath = PatternErrors.Child(path, property.Name);
            if (!names.Add(property.Name))
            {
                throw PatternErrors.Create(fieldPath, $"Duplicate field name \"{property.Name}\"");
            }

            if (property.Name == OrKeyword)
            {
                anyOfGroups.Add(CompileAnyOf(property.Value, fieldPath));
                continue;
            }

            ValueCondition condition = property.Value.ValueKind switch
            {
                JsonValueKind.Object => CompileObject(property.Value, fieldPath),
                JsonValueKind.Array => LeafCompiler.Compile(property.Value, fieldPath),
                _ => throw PatternErrors.Create(
                    fieldPath,
                    $"\"{property.Name}\" must be an object or an array, not {JsonKinds.Describe(property.Value.ValueKind)}"),
            };
            fields.Add(new FieldCondition(property.Name, condition));
        }

        if (fields.Count == 0 && anyOfGroups.Count == 0)
        {
            throw PatternErrors.Create(path, "Empty objects are not allowed");
        }

        return new ObjectCondition([.. fields], [.. anyOfGroups]);
    }

    private static ObjectCondition[] CompileAnyOf(JsonElement alternatives, string path)
    {
        if (alternatives.ValueKind != JsonValueKind.Array)
        {
            throw PatternErrors.Create(path, $"Value of $or must be an array of objects, not {JsonKinds.Describe(alternatives.ValueKind)}");
        }

        int count = alternatives.GetArrayLength();
        if (count < 2)
        {
            throw PatternErrors.Create(path, $"$or must have at least 2 alternatives, found {count}");
        }

        var compiled = new ObjectCondition[count];
        int index = 0;
        foreach (JsonElement alternative in alternatives.EnumerateArray())
        {
            string alternativePath = PatternErrors.Item(path, index);
            if (alternative.ValueKind != JsonValueKind.Object)
            {
                throw PatternErrors.Create(alternativePath, $"$or alternatives must be objects, not {JsonKinds.Describe(alternative.ValueKind)}");
            }

            compiled[index++] = CompileObject(alternative, alternativePath);
        }

        return compiled;
    }
}
