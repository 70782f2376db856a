using System.Text.Json.Nodes;
using EcoBid.Workflows.Evaluation;
using EcoBid.Workflows.Json;

namespace EcoBid.Workflows.Intrinsics;

/// <summary><c>States.ArrayLength</c>.</summary>
internal sealed class ArrayLengthFunction : IntrinsicFunction
{
    public override string Name => "States.ArrayLength";

    public override (int Min, int Max) Arity => (1, 1);

    protected override JsonNode? Invoke(JsonNode?[] args, EvaluationContext context) => JsonValue.Create(Array(args[0], 0).Count);
}
