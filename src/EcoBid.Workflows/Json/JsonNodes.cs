using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EcoBid.Workflows.Json;

/// <summary>Small operations on <see cref="JsonNode"/> values as the interpreter treats them: immutable once built.</summary>
internal static class JsonNodes
{
    internal static readonly JsonSerializerOptions Compact = new()
    {
        WriteIndented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>A copy that can be placed in a new container (a node may have one parent only).</summary>
    internal static JsonNode? Detach(JsonNode? node) => node is null ? null : node.Parent is null ? node : node.DeepClone();

    /// <summary>A deep copy, always (for values a caller will change).</summary>
    internal static JsonNode? Copy(JsonNode? node) => node?.DeepClone();

    internal static string Serialize(JsonNode? node) => node is null ? "null" : node.ToJsonString(Compact);

    internal static JsonNode? Parse(string json) => JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { MaxDepth = 512 });

    internal static JsonValueKind Kind(JsonNode? node) => node is null ? JsonValueKind.Null : node.GetValueKind();

    internal static bool IsString(JsonNode? node) => Kind(node) == JsonValueKind.String;

    internal static bool IsNumber(JsonNode? node) => Kind(node) == JsonValueKind.Number;

    internal static bool IsBoolean(JsonNode? node) => Kind(node) is JsonValueKind.True or JsonValueKind.False;

    internal static string? AsString(JsonNode? node) => IsString(node) ? node!.GetValue<string>() : null;

    internal static bool TryGetNumber(JsonNode? node, out double value)
    {
        value = 0;
        if (node is not JsonValue v || v.GetValueKind() != JsonValueKind.Number) return false;
        if (v.TryGetValue(out double d)) { value = d; return true; }
        if (v.TryGetValue(out JsonElement e)) { value = e.GetDouble(); return true; }
        if (v.TryGetValue(out int i)) { value = i; return true; }
        if (v.TryGetValue(out long l)) { value = l; return true; }
        if (v.TryGetValue(out decimal m)) { value = (double)m; return true; }
        if (v.TryGetValue(out float f)) { value = f; return true; }
        value = double.Parse(v.ToJsonString(), CultureInfo.InvariantCulture);
        return true;
    }

    /// <summary>The number as an exact integer, when it is one (1.0 counts, as in Java's Jackson).</summary>
    internal static bool TryGetInteger(JsonNode? node, out long value)
    {
        value = 0;
        if (node is not JsonValue v || v.GetValueKind() != JsonValueKind.Number) return false;
        if (v.TryGetValue(out int i)) { value = i; return true; }
        if (v.TryGetValue(out long l)) { value = l; return true; }
        if (v.TryGetValue(out JsonElement e) && e.TryGetInt64(out l)) { value = l; return true; }
        if (!TryGetNumber(node, out var d) || Math.Floor(d) != d || double.IsInfinity(d) || Math.Abs(d) > 9.2e18) return false;
        value = (long)d;
        return true;
    }

    internal static bool TryGetBoolean(JsonNode? node, out bool value)
    {
        var kind = Kind(node);
        value = kind == JsonValueKind.True;
        return kind is JsonValueKind.True or JsonValueKind.False;
    }

    internal static JsonNode Number(long value) => JsonValue.Create(value);

    internal static JsonNode Number(double value)
    {
        if (Math.Floor(value) == value && Math.Abs(value) < 1e15) return JsonValue.Create((long)value);
        return JsonValue.Create(value);
    }

    internal static bool DeepEquals(JsonNode? a, JsonNode? b)
    {
        var ka = Kind(a);
        var kb = Kind(b);
        if (ka == JsonValueKind.Number && kb == JsonValueKind.Number)
        {
            TryGetNumber(a, out var x);
            TryGetNumber(b, out var y);
            return x.Equals(y);
        }
        if (ka != kb) return false;
        switch (ka)
        {
            case JsonValueKind.Object:
                var oa = a!.AsObject();
                var ob = b!.AsObject();
                if (oa.Count != ob.Count) return false;
                foreach (var (key, value) in oa)
                {
                    if (!ob.TryGetPropertyValue(key, out var other) || !DeepEquals(value, other)) return false;
                }
                return true;
            case JsonValueKind.Array:
                var aa = a!.AsArray();
                var ab = b!.AsArray();
                if (aa.Count != ab.Count) return false;
                for (var i = 0; i < aa.Count; i++)
                {
                    if (!DeepEquals(aa[i], ab[i])) return false;
                }
                return true;
            case JsonValueKind.String:
                return a!.GetValue<string>() == b!.GetValue<string>();
            default:
                return true;
        }
    }

    /// <summary>Size in bytes of the UTF-8 JSON text of a value, as AWS counts payload sizes.</summary>
    internal static int ByteSize(JsonNode? node) => Encoding.UTF8.GetByteCount(Serialize(node));

    /// <summary>The Java class name Jackson would report for a value (used in AWS's error messages).</summary>
    internal static string TypeName(JsonNode? node) => Kind(node) switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => "null",
    };
}
