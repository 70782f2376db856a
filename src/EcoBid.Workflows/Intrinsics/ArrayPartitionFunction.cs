using System.Text.Json.Nodes;
using EcoBid.Workflows.Evaluation;
using EcoBid.Workflows.Json;

namespace EcoBid.Workflows.Intrinsics;

/// <summary><c>States.ArrayPartition</c>.</summary>
internal sealed class ArrayPartitionFunction : IntrinsicFunction
{
    public override string Name => "States.ArrayPartition";

    public override (int Min, int Max) Arity => (2, 2);

    protected override JsonNode? Invoke(JsonNode?[] args, EvaluationContext context)
    {
        var array = Array(args[0], 0);
        var size = Integer(args[1], 1);
        if (size <= 0) throw Failure($"Invalid arguments in {Name}: the chunk size must be greater than 0, but was {size}");
        var result = new JsonArray();
        JsonArray? chunk = null;
        foreach (var item in array)
        {
            if (chunk is null || chunk.Count == size)
            {
                chunk = new JsonArray();
                result.Add(chunk);
            }
            chunk.Add(JsonNodes.Copy(item));
        }
        return result;
    }
}
