using System.Text.Json.Nodes;
using EcoBid.Workflows.Evaluation;
using EcoBid.Workflows.Json;

namespace EcoBid.Workflows.Intrinsics;

/// <summary><c>States.MathRandom</c>.</summary>
internal sealed class MathRandomFunction : IntrinsicFunction
{
    public override string Name => "States.MathRandom";

    public override (int Min, int Max) Arity => (2, 3);

    protected override JsonNode? Invoke(JsonNode?[] args, EvaluationContext context)
    {
        var start = Integer(args[0], 0);
        var end = Integer(args[1], 1);
        if (start < int.MinValue || end > int.MaxValue) throw Failure($"Invalid arguments in {Name}: the bounds must be 32-bit integers");
        if (end <= start) throw Failure($"Invalid arguments in {Name}: the end ({end}) must be greater than the start ({start})");
        var random = args.Length == 3 ? new Random(unchecked((int)Integer(args[2], 2))) : context.Random;
        return JsonNodes.Number(random.NextInt64(start, end));
    }
}
