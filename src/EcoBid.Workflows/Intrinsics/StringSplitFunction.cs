using System.Text.Json.Nodes;
using EcoBid.Workflows.Evaluation;
using EcoBid.Workflows.Json;

namespace EcoBid.Workflows.Intrinsics;

/// <summary><c>States.StringSplit</c>.</summary>
internal sealed class StringSplitFunction : IntrinsicFunction
{
    public override string Name => "States.StringSplit";

    public override (int Min, int Max) Arity => (2, 2);

    protected override JsonNode? Invoke(JsonNode?[] args, EvaluationContext context)
    {
        var text = Text(args[0], 0);
        var delimiters = Text(args[1], 1).ToCharArray();
        var parts = delimiters.Length == 0 ? [text] : text.Split(delimiters, StringSplitOptions.RemoveEmptyEntries);
        var result = new JsonArray();
        foreach (var part in parts) result.Add(JsonValue.Create(part));
        return result;
    }
}
