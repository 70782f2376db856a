using System.Text.Json.Nodes;
using EcoBid.Workflows.Evaluation;
using EcoBid.Workflows.Json;

namespace EcoBid.Workflows.Intrinsics;

/// <summary><c>States.Base64Encode</c>.</summary>
internal sealed class Base64EncodeFunction : IntrinsicFunction
{
    public override string Name => "States.Base64Encode";

    public override (int Min, int Max) Arity => (1, 1);

    protected override JsonNode? Invoke(JsonNode?[] args, EvaluationContext context)
    {
        var text = Text(args[0], 0);
        if (text.Length > 10000) throw Failure($"Invalid arguments in {Name}: the input is longer than 10000 characters");
        return JsonValue.Create(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(text)));
    }
}
