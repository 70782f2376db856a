using System.Text.Json;
using System.Text.Json.Nodes;
using EcoBid.Workflows.Intrinsics;
using EcoBid.Workflows.Json;

namespace EcoBid.Workflows.Definition;

/// <summary>Reads the fields of one JSON object of a definition, reporting problems against their location.</summary>
internal sealed class FieldReader(JsonObject obj, string location, List<DefinitionDiagnostic> diagnostics)
{
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public JsonObject Object { get; } = obj;

    public string Location { get; } = location;

    public string At(string field) => Location + "/" + field;

    public bool Has(string field) => Object.ContainsKey(field);

    public void Error(string field, string message) => Report(DiagnosticCodes.SchemaValidationFailed, message, field.Length == 0 ? Location : At(field));

    public void Report(string code, string message, string at) => diagnostics.Add(new DefinitionDiagnostic(DiagnosticSeverity.Error, code, message, at));

    /// <summary>Marks a field as understood and returns its node (null when absent or JSON null: see <see cref="Has"/>).</summary>
    public JsonNode? Raw(string field)
    {
        _read.Add(field);
        return Object.TryGetPropertyValue(field, out var node) ? node : null;
    }

    public string? String(string field, bool required = false)
    {
        var node = Raw(field);
        if (!Has(field))
        {
            if (required) Missing(field);
            return null;
        }
        if (JsonNodes.AsString(node) is { } text) return text;
        Error(field, $"The value for the field '{field}' must be a STRING");
        return null;
    }

    public bool Bool(string field)
    {
        var node = Raw(field);
        if (!Has(field)) return false;
        if (JsonNodes.TryGetBoolean(node, out var value)) return value;
        Error(field, $"The value for the field '{field}' must be a BOOLEAN");
        return false;
    }

    public int? Integer(string field, long min, long max)
    {
        var node = Raw(field);
        if (!Has(field)) return null;
        if (JsonNodes.TryGetInteger(node, out var value) && value >= min && value <= max) return (int)value;
        Error(field, $"The value for the field '{field}' must be an INTEGER between {min} and {max}");
        return null;
    }

    public double? Number(string field, double min, double max)
    {
        var node = Raw(field);
        if (!Has(field)) return null;
        if (JsonNodes.TryGetNumber(node, out var value) && value >= min && value <= max) return value;
        Error(field, $"The value for the field '{field}' must be a NUMBER between {min} and {max}");
        return null;
    }

    /// <summary>A JSONPath (any path: <c>$</c>, <c>$$</c> or <c>$variable</c> roots).</summary>
    public JsonPath? Path(string field, bool reference = false)
    {
        var text = String(field);
        return text is null ? null : ParsePath(field, text, reference);
    }

    public JsonPath? ParsePath(string field, string text, bool reference)
    {
        if (!JsonPath.TryParse(text, out var path, out _) || path is null || path.Root == PathRoot.Current)
        {
            Error(field, $"The value for the field '{field}' must be a valid {(reference ? "Reference Path" : "JSONPath")}");
            return null;
        }
        if (reference && (!path.IsReference || path.Root == PathRoot.Context))
        {
            Error(field, $"The value for the field '{field}' must be a valid Reference Path");
            return null;
        }
        return path;
    }

    /// <summary>InputPath, OutputPath or ResultPath: absent (null result), JSON null, or a path.</summary>
    public OptionalPath? OptionalPath(string field, bool reference = false)
    {
        var node = Raw(field);
        if (!Has(field)) return null;
        if (node is null) return new OptionalPath(null);
        if (JsonNodes.AsString(node) is not { } text)
        {
            Error(field, $"The value for the field '{field}' must be a valid {(reference ? "Reference Path" : "JSONPath")}");
            return null;
        }
        var path = ParsePath(field, text, reference);
        if (reference && path is not null && path.Root != PathRoot.Input)
        {
            Error(field, $"The value for the field '{field}' must be a valid Reference Path");
            return null;
        }
        return path is null ? null : new OptionalPath(path);
    }

    /// <summary>A JSONPath or an intrinsic function call, as ErrorPath and CausePath take.</summary>
    public object? PathOrIntrinsic(string field)
    {
        var text = String(field);
        if (text is null) return null;
        if (IntrinsicParser.LooksLikeCall(text))
        {
            try
            {
                return IntrinsicParser.Parse(text);
            }
            catch (IntrinsicSyntaxException e)
            {
                Error(field, $"The value for the field '{field}' must be a valid JSONPath or a valid intrinsic function call ({e.Message})");
                return null;
            }
        }
        return ParsePath(field, text, false);
    }

    public JsonArray? Array(string field, bool required = false)
    {
        var node = Raw(field);
        if (!Has(field))
        {
            if (required) Missing(field);
            return null;
        }
        if (node is JsonArray array) return array;
        Error(field, $"The value for the field '{field}' must be an ARRAY");
        return null;
    }

    public JsonObject? ObjectField(string field, bool required = false)
    {
        var node = Raw(field);
        if (!Has(field))
        {
            if (required) Missing(field);
            return null;
        }
        if (node is JsonObject o) return o;
        Error(field, $"The value for the field '{field}' must be an OBJECT");
        return null;
    }

    public void Missing(string field) => Error("", $"These fields are required: [{field}]");

    /// <summary>Reports every field that no reader asked for, or that the type and query language do not allow.</summary>
    public void RejectUnread()
    {
        foreach (var (key, _) in Object)
        {
            if (!_read.Contains(key)) Error(key, $"The field '{key}' is not supported by Step Functions");
        }
    }

    /// <summary>Marks fields as handled elsewhere.</summary>
    public void Accept(params string[] fields)
    {
        foreach (var f in fields) _read.Add(f);
    }

    public static string KindName(JsonNode? node) => JsonNodes.Kind(node) switch
    {
        JsonValueKind.Object => "OBJECT",
        JsonValueKind.Array => "ARRAY",
        JsonValueKind.String => "STRING",
        JsonValueKind.Number => "NUMBER",
        JsonValueKind.True or JsonValueKind.False => "BOOLEAN",
        _ => "NULL",
    };
}
