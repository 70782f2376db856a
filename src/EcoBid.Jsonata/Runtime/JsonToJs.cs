using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jint;
using Jint.Native;

namespace EcoBid.Jsonata.Runtime;

/// <summary>
/// Turns JSON into JavaScript values the way <c>JSON.parse</c> would: numbers become doubles (so integers beyond
/// 2^53 round as in JavaScript), strings are kept unit for unit (lone surrogates included), key order is kept.
/// </summary>
internal static class JsonToJs
{
    internal const int MaxDepth = 1000;

    public static JsValue Convert(Engine engine, JsonNode? node) => Convert(engine, node, 0);

    private static JsValue Convert(Engine engine, JsonNode? node, int depth)
    {
        switch (node)
        {
            case null:
                return JsValue.Null;
            case JsonObject obj:
                {
                    GuardDepth(depth);
                    var result = new JsObject(engine);
                    foreach (var (key, value) in obj)
                    {
                        result.CreateDataProperty(key, Convert(engine, value, depth + 1));
                    }

                    return result;
                }

            case JsonArray array:
                {
                    GuardDepth(depth);
                    var items = new JsValue[array.Count];
                    for (var i = 0; i < items.Length; i++)
                    {
                        items[i] = Convert(engine, array[i], depth + 1);
                    }

                    return new JsArray(engine, items);
                }

            case JsonValue value:
                return ConvertValue(value);
            default:
                throw new ArgumentException("Unknown JSON node type " + node.GetType().Name, nameof(node));
        }
    }

    private static JsValue ConvertValue(JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                return value.TryGetValue<string>(out var s) ? new JsString(s) : new JsString(value.GetValue<JsonElement>().GetString()!);
            case JsonValueKind.Number:
                return new JsNumber(ToDouble(value));
            case JsonValueKind.True:
                return JsBoolean.True;
            case JsonValueKind.False:
                return JsBoolean.False;
            default:
                return JsValue.Null;
        }
    }

    private static double ToDouble(JsonValue value)
    {
        if (value.TryGetValue<double>(out var d))
        {
            return d;
        }

        if (value.TryGetValue<long>(out var l))
        {
            return l;
        }

        if (value.TryGetValue<int>(out var i))
        {
            return i;
        }

        // Any other CLR number (decimal, ulong, float, ...): its JSON text parsed as JavaScript would.
        return double.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    private static void GuardDepth(int depth)
    {
        if (depth >= MaxDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new JsonataException(JsonataErrorCodes.HostError, $"JSON nested deeper than {MaxDepth} levels");
        }
    }
}
