using System.Text.Json.Nodes;
using EcoBid.Workflows.Evaluation;
using EcoBid.Workflows.Json;

namespace EcoBid.Workflows.Intrinsics;

/// <summary><c>States.ArrayContains</c>.</summary>
internal sealed class ArrayContainsFunction : IntrinsicFunction
{
    public override string Name => "States.ArrayContains";

    public override (int Min, int Max) Arity => (2, 2);

    protected override JsonNode? Invoke(JsonNode?[] args, EvaluationContext context)
    {
        var array = Array(args[0], 0);
        return JsonValue.Create(array.Any(item => JsonNodes.DeepEquals(item, args[1])));
    }
}
