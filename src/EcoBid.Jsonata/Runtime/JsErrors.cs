using Jint;
using Jint.Native;
using Jint.Native.Object;

namespace EcoBid.Jsonata.Runtime;

/// <summary>Moves errors across the boundary: JSONata's thrown objects to <see cref="JsonataException"/> and back.</summary>
internal static class JsErrors
{
    private const string StackExhausted = "Maximum call stack size exceeded";

    /// <summary>
    /// Reads what JSONata throws (<c>{code, position, token, message}</c>, the message already filled in from its
    /// table). A thrown value without a code is a plain JavaScript error; running out of native stack is reported as
    /// JSONata's stack overflow.
    /// </summary>
    public static JsonataException ToException(JsValue error, Exception? cause)
    {
        if (error is not ObjectInstance obj)
        {
            return new JsonataException(JsonataErrorCodes.HostError, error.IsUndefined() ? "undefined" : error.ToString(), innerException: cause);
        }

        var code = obj.Get("code");
        var message = obj.Get("message");
        var text = message.IsString() ? message.AsString() : string.Empty;
        var position = obj.Get("position");
        int? at = position.IsNumber() && !double.IsNaN(position.AsNumber()) ? (int)position.AsNumber() : null;
        var token = obj.Get("token");
        var tokenText = token.IsUndefined() || token.IsNull() ? null : token.ToString();

        if (code.IsString())
        {
            return new JsonataException(code.AsString(), text, at, tokenText, cause);
        }

        if (text.Contains(StackExhausted, StringComparison.Ordinal))
        {
            return new JsonataException(JsonataErrorCodes.StackOverflow, StackOverflowMessage, at, tokenText, cause);
        }

        var name = obj.Get("name");
        var described = name.IsString() && text.Length > 0 ? name.AsString() + ": " + text : text.Length > 0 ? text : obj.ToString();
        return new JsonataException(JsonataErrorCodes.HostError, described, at, tokenText, cause);
    }

    /// <summary>JSONata's own wording for D1011.</summary>
    public const string StackOverflowMessage =
        "Stack overflow. Check for non-terminating recursive function.  Consider rewriting as tail-recursive";

    /// <summary>The object a host function throws so that JSONata adds position and token as for its own errors.</summary>
    public static JsObject ToJsError(Engine engine, string code, string message)
    {
        var error = new JsObject(engine);
        error.CreateDataProperty("code", new JsString(code));
        error.CreateDataProperty("message", new JsString(message));
        return error;
    }
}
