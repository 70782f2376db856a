using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EcoBid.Server.Tests.Infrastructure;

namespace EcoBid.Server.Tests.Fuzz;

/// <summary>
/// Plausible JSON bodies built from an operation's schema, and the same body with one field (at any depth) replaced
/// by a hostile value, written byte for byte so values a serializer would refuse to write (lone surrogates, bytes that
/// are not UTF-8, 10,000 levels) go out as they are.
/// </summary>
public static class SampleBodies
{
    private const string Placeholder = "\u2063hostile\u2063";

    public static JsonNode? Plausible(JsonElement root, JsonElement schema, string name = "", int depth = 0)
    {
        schema = ApiDocument.Resolve(root, schema);
        if (depth > 4)
        {
            return null;
        }

        if (schema.TryGetProperty("properties", out var properties))
        {
            var result = new JsonObject();
            foreach (var property in properties.EnumerateObject())
            {
                result[property.Name] = Plausible(root, property.Value, property.Name, depth + 1);
            }

            return result;
        }

        return TypeOf(schema) switch
        {
            "string" => JsonValue.Create(PlausibleText(name, schema)),
            "integer" => JsonValue.Create(PlausibleInteger(name)),
            "number" => JsonValue.Create(name.Contains("lon", StringComparison.OrdinalIgnoreCase) ? 21.01 : 52.23),
            "boolean" => JsonValue.Create(true),
            "array" => schema.TryGetProperty("items", out var items) ? new JsonArray(Plausible(root, items, name, depth + 1)) : new JsonArray(),
            "object" => new JsonObject(),
            _ => name.Contains("pattern", StringComparison.OrdinalIgnoreCase) ? JsonNode.Parse("{\"source\":[\"ecobid.items\"]}") : new JsonObject { ["source"] = "ecobid.items" },
        };
    }

    /// <summary>Every field of <paramref name="body"/> as a path of property names (array items as index 0).</summary>
    public static IReadOnlyList<string[]> Fields(JsonNode? body)
    {
        var fields = new List<string[]>();
        Walk(body, [], fields);
        return fields;
    }

    /// <summary>The UTF-8 body with the field at <paramref name="path"/> replaced by the hostile JSON bytes.</summary>
    public static byte[] WithField(JsonNode body, string[] path, Hostile hostile)
    {
        var copy = body.DeepClone();
        JsonNode parent = copy;
        foreach (var step in path[..^1])
        {
            parent = parent is JsonArray array ? array[0]! : parent[step]!;
        }

        if (parent is JsonArray items)
        {
            items[0] = Placeholder;
        }
        else
        {
            parent[path[^1]] = Placeholder;
        }

        var text = Encoding.UTF8.GetBytes(copy.ToJsonString());
        var marker = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(Placeholder));
        var at = text.AsSpan().IndexOf(marker);
        return [.. text.AsSpan(0, at), .. hostile.Bytes, .. text.AsSpan(at + marker.Length)];
    }

    private static void Walk(JsonNode? node, List<string> path, List<string[]> fields)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj)
                {
                    path.Add(name);
                    fields.Add([.. path]);
                    Walk(value, path, fields);
                    path.RemoveAt(path.Count - 1);
                }

                break;
            case JsonArray { Count: > 0 } array:
                path.Add("0");
                fields.Add([.. path]);
                Walk(array[0], path, fields);
                path.RemoveAt(path.Count - 1);
                break;
        }
    }

    private static string? TypeOf(JsonElement schema)
    {
        if (!schema.TryGetProperty("type", out var type))
        {
            return schema.TryGetProperty("oneOf", out var oneOf) || schema.TryGetProperty("anyOf", out oneOf)
                ? oneOf.EnumerateArray().Select(TypeOf).FirstOrDefault(t => t is not null and not "null")
                : null;
        }

        return type.ValueKind == JsonValueKind.Array
            ? type.EnumerateArray().Select(t => t.GetString()).FirstOrDefault(t => t != "null")
            : type.GetString();
    }

    private static string PlausibleText(string name, JsonElement schema)
    {
        if (schema.TryGetProperty("format", out var format) && format.GetString() == "date-time")
        {
            return "2025-01-01T00:00:00Z";
        }

        if (schema.TryGetProperty("enum", out var values) && values.GetArrayLength() > 0)
        {
            return values[0].GetString() ?? "x";
        }

        return name.ToLowerInvariant() switch
        {
            "email" => "fuzz-nobody@example.com",
            "password" or "newpassword" => "Str0ng-enough",
            "category" => "furniture",
            "mode" => "free",
            "currency" => "EUR",
            "name" => "fuzz-replay",
            "expression" => "rate(5 minutes)",
            "to" when name == "to" => "2025-01-02T00:00:00Z",
            _ => "fuzz",
        };
    }

    private static long PlausibleInteger(string name) => name.ToLowerInvariant() switch
    {
        "score" => 3,
        "durationseconds" => 3600,
        "windowseconds" => 60,
        "maxextensionseconds" => 600,
        _ => 100,
    };
}
