using System.Text.Json.Nodes;
using EcoBid.Workflows.Evaluation;
using EcoBid.Workflows.Json;

namespace EcoBid.Workflows.Intrinsics;

/// <summary><c>States.JsonToString</c>.</summary>
internal sealed class JsonToStringFunction : IntrinsicFunction
{
    public override string Name => "States.JsonToString";

    public override (int Min, int Max) Arity => (1, 1);

    protected override JsonNode? Invoke(JsonNode?[] args, EvaluationContext context) => JsonValue.Create(JsonNodes.Serialize(args[0]));
}
