using System.Text.Json.Nodes;

namespace EcoBid.Jsonata;

/// <summary>
/// The value of a JSONata evaluation. JSONata distinguishes "no value" (undefined, <see cref="IsDefined"/> false)
/// from JSON <c>null</c> (<see cref="IsDefined"/> true and <see cref="Value"/> null).
/// </summary>
/// <param name="IsDefined">False when the expression produced no value (JavaScript <c>undefined</c>).</param>
/// <param name="Value">The JSON value; null means JSON null when <paramref name="IsDefined"/> is true.</param>
public readonly record struct JsonataResult(bool IsDefined, JsonNode? Value)
{
    /// <summary>No value: what a path that matches nothing evaluates to.</summary>
    public static JsonataResult Undefined { get; }

    /// <summary>A defined value; <c>null</c> stands for JSON null.</summary>
    public static JsonataResult Of(JsonNode? v) => new(true, v);
}
