using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace EcoBid.Server.Aws.Protocol;

/// <summary>
/// An action's input structure. <see cref="Check"/> does what AWS's front end does before an action runs: a member of
/// the wrong JSON type is a SerializationException; broken constraints are one ValidationException that lists them all
/// ("2 validation errors detected: Value null at 'name' failed to satisfy constraint: Member must not be null; …"),
/// a value's broken pattern before its length, as AWS lists them.
/// Members the model does not know are ignored, as AWS does.
/// </summary>
public sealed class AwsShape(params AwsMember[] members)
{
    public static readonly AwsShape Empty = new();

    private static readonly TimeSpan PatternTimeout = TimeSpan.FromSeconds(1);

    public IReadOnlyList<AwsMember> Members { get; } = members;

    public void Check(JsonObject input)
    {
        ArgumentNullException.ThrowIfNull(input);
        CheckTypes(input, "");
        var errors = new List<string>();
        Collect(input, "", errors);
        if (errors.Count > 0)
        {
            var count = errors.Count == 1 ? "1 validation error detected" : $"{errors.Count} validation errors detected";
            throw new AwsException(AwsErrors.ValidationException, $"{count}: {string.Join("; ", errors)}");
        }
    }

    private void CheckTypes(JsonObject input, string prefix)
    {
        foreach (var member in Members)
        {
            if (input[member.Name] is { } value)
            {
                CheckType(member.Kind, member.Shape, member.ElementKind, value, prefix + member.Name);
            }
        }
    }

    private static void CheckType(AwsMemberKind kind, AwsShape? shape, AwsMemberKind? elementKind, JsonNode value, string path)
    {
        var json = value.GetValueKind();
        var ok = kind switch
        {
            AwsMemberKind.Text => json == JsonValueKind.String,
            AwsMemberKind.WholeNumber => json == JsonValueKind.Number && IsInteger(value),
            AwsMemberKind.Number => json == JsonValueKind.Number,
            AwsMemberKind.Boolean => json is JsonValueKind.True or JsonValueKind.False,
            AwsMemberKind.Structure => json == JsonValueKind.Object,
            AwsMemberKind.List => json == JsonValueKind.Array,
            AwsMemberKind.Map => json == JsonValueKind.Object && value.AsObject().All(p => p.Value is null || p.Value.GetValueKind() == JsonValueKind.String),
            _ => false,
        };
        if (!ok)
        {
            throw AwsErrors.Malformed($"Value of '{path}' must be {Describe(kind)}, not {json.ToString().ToLowerInvariant()}.");
        }

        if (kind == AwsMemberKind.Structure && shape is not null)
        {
            shape.CheckTypes(value.AsObject(), path + ".");
        }

        if (kind == AwsMemberKind.List && elementKind is { } element)
        {
            var array = value.AsArray();
            for (var i = 0; i < array.Count; i++)
            {
                if (array[i] is { } item)
                {
                    CheckType(element, shape, null, item, $"{path}.{i + 1}.member");
                }
            }
        }
    }

    private void Collect(JsonObject input, string prefix, List<string> errors)
    {
        foreach (var member in Members)
        {
            var path = prefix + (member.Label ?? member.Name);
            var value = input[member.Name];
            if (value is null)
            {
                if (member.Required)
                {
                    errors.Add($"Value null at '{path}' failed to satisfy constraint: Member must not be null");
                }

                continue;
            }

            switch (member.Kind)
            {
                case AwsMemberKind.Text:
                    CheckString(member, value.GetValue<string>(), path, errors);
                    break;
                case AwsMemberKind.WholeNumber:
                    CheckNumber(member, ToLong(value), path, errors);
                    break;
                case AwsMemberKind.Structure when member.Shape is not null:
                    member.Shape.Collect(value.AsObject(), path + ".", errors);
                    break;
                case AwsMemberKind.List when member.Shape is not null:
                    var array = value.AsArray();
                    for (var i = 0; i < array.Count; i++)
                    {
                        if (array[i] is JsonObject item)
                        {
                            member.Shape.Collect(item, $"{path}.{i + 1}.member.", errors);
                        }
                    }

                    break;
            }
        }
    }

    private static void CheckString(AwsMember member, string text, string path, List<string> errors)
    {
        var shown = member.Sensitive ? "Value" : $"Value '{text}'";
        if (member.Enum is { } values && !values.Contains(text, StringComparer.Ordinal))
        {
            errors.Add($"{shown} at '{path}' failed to satisfy constraint: Member must satisfy enum value set: [{string.Join(", ", values)}]");
        }

        if (member.Pattern is { } pattern && !Regex.IsMatch(text, $@"^(?:{pattern})\z", RegexOptions.CultureInvariant, PatternTimeout))
        {
            errors.Add($"{shown} at '{path}' failed to satisfy constraint: Member must satisfy regular expression pattern: {pattern}");
        }

        // AWS counts characters as Java does: UTF-16 code units, which is what string.Length is.
        if (member.Min is { } min && text.Length < min)
        {
            errors.Add($"{shown} at '{path}' failed to satisfy constraint: Member must have length greater than or equal to {min}");
        }

        if (member.Max is { } max && text.Length > max)
        {
            errors.Add($"{shown} at '{path}' failed to satisfy constraint: Member must have length less than or equal to {max}");
        }
    }

    private static void CheckNumber(AwsMember member, long value, string path, List<string> errors)
    {
        if (member.Min is { } min && value < min)
        {
            errors.Add($"Value '{value}' at '{path}' failed to satisfy constraint: Member must have value greater than or equal to {min}");
        }

        if (member.Max is { } max && value > max)
        {
            errors.Add($"Value '{value}' at '{path}' failed to satisfy constraint: Member must have value less than or equal to {max}");
        }
    }

    internal static bool IsInteger(JsonNode value) =>
        value is JsonValue v && v.TryGetValue(out JsonElement element) ? element.TryGetInt32(out _) : value is JsonValue w && w.TryGetValue(out int _);

    internal static long ToLong(JsonNode value) =>
        value is JsonValue v && v.TryGetValue(out JsonElement element) ? element.GetInt32() : value.GetValue<int>();

    private static string Describe(AwsMemberKind kind) => kind switch
    {
        AwsMemberKind.Text => "a string",
        AwsMemberKind.WholeNumber => "an integer",
        AwsMemberKind.Number => "a number",
        AwsMemberKind.Boolean => "a boolean",
        AwsMemberKind.Structure => "an object",
        AwsMemberKind.List => "an array",
        AwsMemberKind.Map => "an object of strings",
        _ => kind.ToString().ToLower(CultureInfo.InvariantCulture),
    };
}
