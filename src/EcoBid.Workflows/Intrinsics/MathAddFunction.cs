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
        var a = Rounded(args[0], 0);
        var b = Rounded(args[1], 1);
        if (a is < int.MinValue or > int.MaxValue || b is < int.MinValue or > int.MaxValue) throw Failure($"Invalid arguments in {Name}: the values must be 32-bit integers");
        return JsonNodes.Number(a + b);
    }

    /// <summary>AWS rounds a non-integer argument to the nearest integer, halves upwards as Java's Math.round does.</summary>
    private long Rounded(JsonNode? value, int position)
    {
        if (JsonNodes.TryGetInteger(value, out var n)) return n;
        if (JsonNodes.TryGetNumber(value, out var d) && double.IsFinite(d) && Math.Abs(d) < 9.2e18) return (long)Math.Floor(d + 0.5);
        return Integer(value, position);
    }
}
