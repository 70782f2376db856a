using System.Text.Json.Nodes;
using EcoBid.Workflows.Evaluation;
using EcoBid.Workflows.Json;

namespace EcoBid.Workflows.Intrinsics;

/// <summary><c>States.ArrayUnique</c>.</summary>
internal sealed class ArrayUniqueFunction : IntrinsicFunction
{
    public override string Name => "States.ArrayUnique";

    public override (int Min, int Max) Arity => (1, 1);

    protected override JsonNode? Invoke(JsonNode?[] args, EvaluationContext context)
    {
        var result = new JsonArray();
        foreach (var item in Array(args[0], 0))
        {
            if (!result.Any(seen => JsonNodes.DeepEquals(seen, item))) result.Add(JsonNodes.Copy(item));
        }
        return result;
    }
}
