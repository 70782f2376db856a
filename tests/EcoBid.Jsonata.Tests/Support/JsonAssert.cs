using System.Text.Json;
using System.Text.Json.Nodes;

namespace EcoBid.Jsonata.Tests.Support;

/// <summary>Structural JSON equality: numbers by value, strings by UTF-16 unit, object keys in order.</summary>
public static class JsonAssert
{
    public static void Equal(string expectedJson, JsonNode? actual, string because)
    {
        var expected = JsonNode.Parse(expectedJson);
        if (!Same(expected, actual))
        {
            throw new ShouldAssertException($"{because}\nexpected: {Show(expected)}\n  actual: {Show(actual)}");
        }
    }

    public static bool Same(JsonNode? expected, JsonNode? actual) => (expected, actual) switch
    {
        (null, null) => true,
        (JsonObject e, JsonObject a) => e.Count == a.Count && e.Zip(a).All(p => p.First.Key == p.Second.Key && Same(p.First.Value, p.Second.Value)),
        (JsonArray e, JsonArray a) => e.Count == a.Count && e.Zip(a).All(p => Same(p.First, p.Second)),
        (JsonValue e, JsonValue a) => SameValue(e, a),
        _ => false,
    };

    private static bool SameValue(JsonValue expected, JsonValue actual)
    {
        var kind = expected.GetValueKind();
        if (kind != actual.GetValueKind())
        {
            return false;
        }

        return kind switch
        {
            JsonValueKind.Number => expected.GetValue<double>() == ToDouble(actual),
            JsonValueKind.String => string.Equals(expected.GetValue<string>(), actual.GetValue<string>(), StringComparison.Ordinal),
            _ => true,
        };
    }

    private static double ToDouble(JsonValue value) =>
        value.TryGetValue<long>(out var l) ? l : value.GetValue<double>();

    private static string Show(JsonNode? node) => node is null ? "null" : node.ToJsonString();
}
