using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace EcoBid.Jsonata.StepFunctions;

/// <summary><c>$hash(data, algorithm)</c>: lower-case hex digest of the UTF-8 bytes of <c>data</c>.</summary>
internal static class HashFunction
{
    public static JsonataFunction Definition { get; } = new("<ss:s>", Hash);

    private static JsonataResult Hash(IReadOnlyList<JsonNode?> args)
    {
        var data = Encoding.UTF8.GetBytes(Arguments.Text(args, 0, "hash", "data"));
        var algorithm = Arguments.Text(args, 1, "hash", "algorithm");
#pragma warning disable CA5350, CA5351 // MD5 and SHA-1 are offered because Step Functions offers them, for checksums, not security.
        var digest = algorithm switch
        {
            "MD5" => MD5.HashData(data),
            "SHA-1" => SHA1.HashData(data),
            "SHA-256" => SHA256.HashData(data),
            "SHA-384" => SHA384.HashData(data),
            "SHA-512" => SHA512.HashData(data),
            _ => throw Arguments.Invalid("hash", $"algorithm must be one of MD5, SHA-1, SHA-256, SHA-384, SHA-512; got {algorithm}"),
        };
#pragma warning restore CA5350, CA5351
        return JsonataResult.Of(Convert.ToHexStringLower(digest));
    }
}
