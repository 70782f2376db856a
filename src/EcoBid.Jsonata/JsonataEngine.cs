using System.Text.Json.Nodes;
using EcoBid.Jsonata.Runtime;

namespace EcoBid.Jsonata;

/// <summary>
/// Evaluates JSONata 2.x expressions with the reference implementation (jsonata.js, vendored) run inside the Jint
/// JavaScript interpreter. Thread-safe: each call borrows one engine from a bounded pool (created lazily, at most
/// <see cref="JsonataOptions.MaxEngines"/>); each engine caches its compiled expressions.
/// </summary>
/// <remarks>
/// Results are JSON as JSONata's <c>$string</c> would render them: a sequence is an array, a function or lambda is
/// the string "", object members that are undefined are left out. Every failure, including the limits in
/// <see cref="JsonataOptions"/>, is a <see cref="JsonataException"/>.
/// </remarks>
public sealed class JsonataEngine : IDisposable
{
    private readonly EnginePool _pool;

    public JsonataEngine(JsonataOptions? options = null)
    {
        _pool = new EnginePool(new EngineSettings(options ?? new JsonataOptions()));
    }

    /// <summary>Parses and caches <paramref name="expression"/>; throws <see cref="JsonataException"/> on a syntax error.</summary>
    public void Validate(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        _pool.Use(engine =>
        {
            engine.Validate(expression);
            return true;
        });
    }

    /// <summary>Evaluates <paramref name="expression"/> against <paramref name="input"/> (null is JSON null).</summary>
    /// <param name="bindings">Variables, by name with or without the <c>$</c>.</param>
    public JsonataResult Evaluate(string expression, JsonNode? input, IReadOnlyDictionary<string, JsonNode?>? bindings = null) =>
        Evaluate(expression, JsonataResult.Of(input), bindings);

    /// <summary>Evaluates <paramref name="expression"/>; an undefined <paramref name="input"/> means no input document at all.</summary>
    /// <param name="bindings">Variables, by name with or without the <c>$</c>.</param>
    public JsonataResult Evaluate(string expression, JsonataResult input, IReadOnlyDictionary<string, JsonNode?>? bindings = null)
    {
        ArgumentNullException.ThrowIfNull(expression);
        return _pool.Use(engine => engine.Evaluate(expression, input, bindings));
    }

    /// <summary>JavaScript engines alive now (idle or busy); never more than <see cref="JsonataOptions.MaxEngines"/>.</summary>
    internal int LiveEngines => _pool.Created;

    public void Dispose() => _pool.Dispose();
}
