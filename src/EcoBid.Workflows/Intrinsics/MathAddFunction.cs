using System.Text.Json.Nodes;
using EcoBid.Workflows.Evaluation;
using EcoBid.Workflows.Json;

namespace EcoBid.Workflows.Intrinsics;

/// <summary><c>States.MathAdd</c>.</summary>
internal sealed class MathAddFunction : IntrinsicFunction
{
    public override string Name => "States.MathAdd";

    public override (int Min, int Max) Arity => (2, 2);

    protected override JsonNode? Invoke(JsonNode?[] args, EvaluationContext context)
    {
        var a = Integer(args[0], 0);
        var b = Integer(args[1], 1);
        if (a is < int.MinValue or > int.MaxValue || b is < int.MinValue or > int.MaxValue) throw Failure($"Invalid arguments in {Name}: the values must be 32-bit integers");
        return JsonNodes.Number(a + b);
    }
}
