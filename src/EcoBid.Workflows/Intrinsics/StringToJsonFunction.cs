using System.Text.Json.Nodes;
using EcoBid.Workflows.Evaluation;
using EcoBid.Workflows.Json;

namespace EcoBid.Workflows.Intrinsics;

/// <summary><c>States.StringToJson</c>.</summary>
internal sealed class StringToJsonFunction : IntrinsicFunction
{
    public override string Name => "States.StringToJson";

    public override (int Min, int Max) Arity => (1, 1);

    protected override JsonNode? Invoke(JsonNode?[] args, EvaluationContext context)
    {
        var text = Text(args[0], 0);
        try
        {
            return JsonNodes.Parse(text);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw Failure($"Invalid arguments in {Name}: the string is not valid JSON: {e.Message}");
        }
    }
}
