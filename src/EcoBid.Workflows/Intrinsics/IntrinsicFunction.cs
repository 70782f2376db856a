using System.Text.Json.Nodes;
using EcoBid.Workflows.Evaluation;
using EcoBid.Workflows.Json;

namespace EcoBid.Workflows.Intrinsics;

/// <summary>A parsed intrinsic function call such as <c>States.Format('{}', $.name)</c>.</summary>
internal abstract class IntrinsicFunction
{
    public abstract string Name { get; }

    public IReadOnlyList<IntrinsicArgument> Arguments { get; private set; } = [];

    /// <summary>The fewest and most arguments the function accepts.</summary>
    public abstract (int Min, int Max) Arity { get; }

    internal void Bind(IReadOnlyList<IntrinsicArgument> arguments) => Arguments = arguments;

    /// <summary>Checks the arguments' shape at parse time (literal types); null when fine.</summary>
    public virtual string? CheckArguments() => null;

    public JsonNode? Evaluate(EvaluationContext context, string field)
    {
        var values = new JsonNode?[Arguments.Count];
        for (var i = 0; i < values.Length; i++) values[i] = Arguments[i].Evaluate(context, field);
        return Invoke(values, context);
    }

    protected abstract JsonNode? Invoke(JsonNode?[] args, EvaluationContext context);

    protected static StatesErrorException Failure(string message) => new(StatesErrors.IntrinsicFailure, message);

    protected string Text(JsonNode? value, int position)
    {
        return JsonNodes.AsString(value) ?? throw Failure($"Invalid arguments in {Name}: argument {position + 1} must be a string, but was {JsonNodes.TypeName(value)}");
    }

    protected JsonArray Array(JsonNode? value, int position)
    {
        return value as JsonArray ?? throw Failure($"Invalid arguments in {Name}: argument {position + 1} must be an array, but was {JsonNodes.TypeName(value)}");
    }

    protected long Integer(JsonNode? value, int position)
    {
        if (JsonNodes.TryGetInteger(value, out var n)) return n;
        throw Failure($"Invalid arguments in {Name}: argument {position + 1} must be an integer, but was {JsonNodes.Serialize(value)}");
    }
}
