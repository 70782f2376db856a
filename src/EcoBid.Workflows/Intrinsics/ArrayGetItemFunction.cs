using System.Text.Json.Nodes;
using EcoBid.Workflows.Evaluation;
using EcoBid.Workflows.Json;

namespace EcoBid.Workflows.Intrinsics;

/// <summary><c>States.ArrayGetItem</c>.</summary>
internal sealed class ArrayGetItemFunction : IntrinsicFunction
{
    public override string Name => "States.ArrayGetItem";

    public override (int Min, int Max) Arity => (2, 2);

    protected override JsonNode? Invoke(JsonNode?[] args, EvaluationContext context)
    {
        var array = Array(args[0], 0);
        var index = Integer(args[1], 1);
        if (index < 0 || index >= array.Count) throw Failure($"Invalid arguments in {Name}: index {index} is out of bounds for an array of {array.Count} items");
        return JsonNodes.Copy(array[(int)index]);
    }
}
