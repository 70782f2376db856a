using System.Text.Json.Nodes;
using Jint;
using Jint.Native;
using Jint.Runtime;
using Jint.Runtime.Interop;

namespace EcoBid.Jsonata.Runtime;

/// <summary>Wraps a <see cref="JsonataFunction"/> as a JavaScript function of one engine.</summary>
internal static class HostFunctionAdapter
{
    public static ClrFunction Create(Engine engine, string name, JsonataFunction function) =>
        new(engine, name, (_, args) => Invoke(engine, function, args));

    private static JsValue Invoke(Engine engine, JsonataFunction function, JsValue[] args)
    {
        var arguments = new JsonNode?[args.Length];
        for (var i = 0; i < args.Length; i++)
        {
            arguments[i] = JsToJson.ToNode(args[i]);
        }

        JsonataResult result;
        try
        {
            result = function.Body(arguments);
        }
        catch (JsonataException ex)
        {
            throw new JavaScriptException(JsErrors.ToJsError(engine, ex.Code, ex.Message));
        }
#pragma warning disable CA1031 // Any failure of caller-supplied code must surface as a JSONata error, not escape the engine.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            throw new JavaScriptException(JsErrors.ToJsError(engine, JsonataErrorCodes.HostError, ex.Message));
        }

        return result.IsDefined ? JsonToJs.Convert(engine, result.Value) : JsValue.Undefined;
    }
}
