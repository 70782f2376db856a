using System.Text.Json.Nodes;
using EcoBid.Workflows.Evaluation;
using EcoBid.Workflows.Json;

namespace EcoBid.Workflows.Intrinsics;

/// <summary><c>States.UUID</c>.</summary>
internal sealed class UuidFunction : IntrinsicFunction
{
    public override string Name => "States.UUID";

    public override (int Min, int Max) Arity => (0, 0);

    protected override JsonNode? Invoke(JsonNode?[] args, EvaluationContext context)
    {
        Span<byte> bytes = stackalloc byte[16];
        context.Random.NextBytes(bytes);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return JsonValue.Create(Convert.ToHexStringLower(bytes).Insert(20, "-").Insert(16, "-").Insert(12, "-").Insert(8, "-"));
    }
}
