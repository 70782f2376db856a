using System.Text.Json.Nodes;
using EcoBid.Workflows.Evaluation;
using EcoBid.Workflows.Json;

namespace EcoBid.Workflows.Intrinsics;

/// <summary><c>States.JsonMerge</c>.</summary>
internal sealed class JsonMergeFunction : IntrinsicFunction
{
    public override string Name => "States.JsonMerge";

    public override (int Min, int Max) Arity => (3, 3);

    protected override JsonNode? Invoke(JsonNode?[] args, EvaluationContext context)
    {
        if (args[0] is not JsonObject left) throw Failure($"Invalid arguments in {Name}: argument 1 must be an object, but was {JsonNodes.TypeName(args[0])}");
        if (args[1] is not JsonObject right) throw Failure($"Invalid arguments in {Name}: argument 2 must be an object, but was {JsonNodes.TypeName(args[1])}");
        if (!JsonNodes.TryGetBoolean(args[2], out var deep) || deep) throw Failure($"Invalid arguments in {Name}: deep merging is not supported; the third argument must be false");
        var merged = new JsonObject();
        foreach (var (key, value) in left) merged[key] = JsonNodes.Copy(value);
        foreach (var (key, value) in right) merged[key] = JsonNodes.Copy(value);
        return merged;
    }
}
