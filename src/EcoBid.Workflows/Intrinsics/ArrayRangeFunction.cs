using System.Text.Json.Nodes;
using EcoBid.Workflows.Evaluation;
using EcoBid.Workflows.Json;

namespace EcoBid.Workflows.Intrinsics;

/// <summary><c>States.ArrayRange</c>.</summary>
internal sealed class ArrayRangeFunction : IntrinsicFunction
{
    public override string Name => "States.ArrayRange";

    public override (int Min, int Max) Arity => (3, 3);

    private const int MaxItems = 1000;

    protected override JsonNode? Invoke(JsonNode?[] args, EvaluationContext context)
    {
        var start = Integer(args[0], 0);
        var end = Integer(args[1], 1);
        var step = Integer(args[2], 2);
        if (step == 0) throw Failure($"Invalid arguments in {Name}: the step must not be 0");
        var count = end < start == step < 0 || start == end ? (Math.Abs(end - start) / Math.Abs(step)) + 1 : 0;
        if (count > MaxItems) throw Failure($"Invalid arguments in {Name}: the range would have {count} items, more than the maximum of {MaxItems}");
        var result = new JsonArray();
        for (var i = 0L; i < count; i++) result.Add(JsonNodes.Number(start + (i * step)));
        return result;
    }
}
