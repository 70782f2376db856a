using System.Text.Json.Nodes;
using EcoBid.Workflows.Evaluation;
using EcoBid.Workflows.Json;

namespace EcoBid.Workflows.Intrinsics;

/// <summary>An argument of an intrinsic function call: a literal, a path, or a nested call.</summary>
internal abstract class IntrinsicArgument
{
    public abstract JsonNode? Evaluate(EvaluationContext context, string field);
}

/// <summary>A string, number, boolean or null literal.</summary>
internal sealed class LiteralArgument(JsonNode? value, string? raw = null) : IntrinsicArgument
{
    /// <summary>For a string literal, its text with <c>\{</c> and <c>\}</c> kept, so States.Format can tell escaped braces from placeholders.</summary>
    public string? Raw { get; } = raw;

    public override JsonNode? Evaluate(EvaluationContext context, string field) => value?.DeepClone();
}

/// <summary>A path into the input, the context object or a variable.</summary>
internal sealed class PathArgument(JsonPath path) : IntrinsicArgument
{
    public JsonPath Path { get; } = path;

    public override JsonNode? Evaluate(EvaluationContext context, string field)
    {
        if (!context.TryResolve(Path, out var value))
        {
            throw context.Runtime($"The JsonPath argument for the field '{field}' could not be found in the input '{JsonNodes.Serialize(context.DocumentFor(Path))}'");
        }
        return value;
    }
}

/// <summary>A nested intrinsic function call.</summary>
internal sealed class CallArgument(IntrinsicFunction function) : IntrinsicArgument
{
    public IntrinsicFunction Function { get; } = function;

    public override JsonNode? Evaluate(EvaluationContext context, string field) => Function.Evaluate(context, field);
}
