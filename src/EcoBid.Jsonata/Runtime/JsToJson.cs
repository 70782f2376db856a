using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;

namespace EcoBid.Jsonata.Runtime;

/// <summary>
/// Turns a JSONata result into JSON as JSONata's <c>$string</c> serialises it: sequences are arrays, functions
/// (JavaScript functions and JSONata lambdas) become "", undefined object members are dropped, undefined array
/// members become null, and non-finite numbers become null.
/// </summary>
internal static class JsToJson
{
    /// <summary>Largest magnitude below which every integer-valued double is an exact <see cref="long"/>.</summary>
    private const double MaxSafeInteger = 9007199254740991d;

    public static JsonataResult Convert(JsValue value) =>
        value.IsUndefined() ? JsonataResult.Undefined : JsonataResult.Of(ToNode(value, 0));

    public static JsonNode? ToNode(JsValue value) => ToNode(value, 0);

    private static JsonNode? ToNode(JsValue value, int depth)
    {
        switch (value.Type)
        {
            case Types.Undefined:
            case Types.Null:
            case Types.Symbol:
                return null;
            case Types.Boolean:
                return JsonValue.Create(value.AsBoolean());
            case Types.String:
                return JsonValue.Create(value.AsString());
            case Types.Number:
                return FromNumber(value.AsNumber());
            case Types.BigInt:
                return JsonValue.Create(value.ToString());
            default:
                break;
        }

        if (IsFunction(value))
        {
            return JsonValue.Create(string.Empty);
        }

        GuardDepth(depth);
        if (value.IsArray())
        {
            var array = value.AsArray();
            var length = array.Length;
            var result = new JsonArray();
            for (uint i = 0; i < length; i++)
            {
                result.Add(ToNode(array.Get(i), depth + 1));
            }

            return result;
        }

        var obj = value.AsObject();
        var json = new JsonObject();
        foreach (var key in obj.GetOwnPropertyKeys(Types.String))
        {
            var descriptor = obj.GetOwnProperty(key);
            if (!descriptor.Enumerable)
            {
                continue;
            }

            var member = obj.Get(key);
            if (member.IsUndefined())
            {
                continue;
            }

            json[key.AsString()] = ToNode(member, depth + 1);
        }

        return json;
    }

    /// <summary>JSONata's own test for a function: a JavaScript function, or an object flagged as a lambda or built-in.</summary>
    public static bool IsFunction(JsValue value)
    {
        if (value is not ObjectInstance obj)
        {
            return false;
        }

        if (obj.IsCallable())
        {
            return true;
        }

        return IsTrue(obj, "_jsonata_lambda") || IsTrue(obj, "_jsonata_function");
    }

    private static bool IsTrue(ObjectInstance obj, string key)
    {
        var flag = obj.Get(key);
        return flag.IsBoolean() && flag.AsBoolean();
    }

    /// <summary>
    /// A number as parsed JSON would hold it (backed by a <see cref="JsonElement"/>), so that callers can read it
    /// with <c>GetValue&lt;int&gt;</c>, <c>&lt;long&gt;</c>, <c>&lt;double&gt;</c> or <c>&lt;decimal&gt;</c> as it fits.
    /// Whole numbers up to 2^53 are written as integers, others in the shortest form that round-trips.
    /// </summary>
    private static JsonValue? FromNumber(double number)
    {
        if (double.IsNaN(number) || double.IsInfinity(number))
        {
            return null;
        }

        var text = Math.Abs(number) <= MaxSafeInteger && Math.Floor(number) == number
            ? ((long)number).ToString(CultureInfo.InvariantCulture)
            : number.ToString("R", CultureInfo.InvariantCulture);
        return JsonValue.Create(JsonElement.Parse(text));
    }

    private static void GuardDepth(int depth)
    {
        if (depth >= JsonToJs.MaxDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new JsonataException(JsonataErrorCodes.HostError, $"Result nested deeper than {JsonToJs.MaxDepth} levels");
        }
    }
}
