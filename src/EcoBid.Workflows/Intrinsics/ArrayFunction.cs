using System.Text.Json.Nodes;
using EcoBid.Workflows.Evaluation;
using EcoBid.Workflows.Json;

namespace EcoBid.Workflows.Intrinsics;

/// <summary><c>States.Array</c>.</summary>
internal sealed class ArrayFunction : IntrinsicFunction
{
    public override string Name => "States.Array";

    public override (int Min, int Max) Arity => (0, int.MaxValue);

    protected override JsonNode? Invoke(JsonNode?[] args, EvaluationContext context)
    {
        var array = new JsonArray();
        foreach (var arg in args) array.Add(JsonNodes.Detach(arg));
        return array;
    }
}
