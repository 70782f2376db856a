using System.Text.Json.Nodes;

namespace EcoBid.Jsonata;

/// <summary>
/// Evaluates JSONata 2.x expressions with the reference implementation (jsonata.js) run inside Jint.
/// Thread-safe: evaluations borrow a JavaScript engine from a bounded pool.
/// </summary>
public sealed class JsonataEngine : IDisposable
{
    private readonly JsonataOptions _options;

    public JsonataEngine(JsonataOptions? options = null)
    {
        _options = options ?? new JsonataOptions();
    }

    /// <summary>Parses and caches <paramref name="expression"/>; throws <see cref="JsonataException"/> on a syntax error.</summary>
    public void Validate(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        throw new JsonataException(JsonataErrorCodes.HostError, "Engine not loaded yet: " + _options.Timeout);
    }

    /// <summary>Evaluates <paramref name="expression"/> against <paramref name="input"/> (null is JSON null).</summary>
    public JsonataResult Evaluate(string expression, JsonNode? input, IReadOnlyDictionary<string, JsonNode?>? bindings = null) =>
        Evaluate(expression, JsonataResult.Of(input), bindings);

    /// <summary>Evaluates <paramref name="expression"/>; an undefined <paramref name="input"/> means no input at all.</summary>
    public JsonataResult Evaluate(string expression, JsonataResult input, IReadOnlyDictionary<string, JsonNode?>? bindings = null)
    {
        Validate(expression);
        return input;
    }

    public void Dispose()
    {
    }
}
