using System.Text.Json.Nodes;
using EcoBid.Workflows.Evaluation;
using EcoBid.Workflows.Json;

namespace EcoBid.Workflows.Intrinsics;

/// <summary><c>States.Hash</c>.</summary>
internal sealed class HashFunction : IntrinsicFunction
{
    public override string Name => "States.Hash";

    public override (int Min, int Max) Arity => (2, 2);

    protected override JsonNode? Invoke(JsonNode?[] args, EvaluationContext context)
    {
        var data = JsonNodes.AsString(args[0]) ?? JsonNodes.Serialize(args[0]);
        if (data.Length > 10000) throw Failure($"Invalid arguments in {Name}: the input is longer than 10000 characters");
        var algorithm = Text(args[1], 1);
        var bytes = System.Text.Encoding.UTF8.GetBytes(data);
#pragma warning disable CA5350, CA5351 // MD5 and SHA-1 are asked for by name; this is a checksum, not security.
        byte[] hash = algorithm switch
        {
            "MD5" => System.Security.Cryptography.MD5.HashData(bytes),
            "SHA-1" => System.Security.Cryptography.SHA1.HashData(bytes),
            "SHA-256" => System.Security.Cryptography.SHA256.HashData(bytes),
            "SHA-384" => System.Security.Cryptography.SHA384.HashData(bytes),
            "SHA-512" => System.Security.Cryptography.SHA512.HashData(bytes),
            _ => throw Failure($"Invalid arguments in {Name}: the hash algorithm {algorithm} is not supported; use one of MD5, SHA-1, SHA-256, SHA-384, SHA-512"),
        };
#pragma warning restore CA5350, CA5351
        return JsonValue.Create(Convert.ToHexStringLower(hash));
    }
}
