using System.Text.Json.Nodes;

namespace EcoBid.Jsonata.StepFunctions;

/// <summary>
/// <c>$random([seed])</c>: a number with 0 &lt;= n &lt; 1. With a seed the value is a function of the seed alone
/// (the same in every run and on every machine), not the value AWS would give for that seed.
/// </summary>
internal static class RandomFunction
{
    public static JsonataFunction Definition { get; } = new("<n?:n>", Random);

    private static JsonataResult Random(IReadOnlyList<JsonNode?> args)
    {
        var seed = Arguments.OptionalNumber(args, 0, "random", "seed");
        var value = seed is { } s ? new Random(SeedOf(s)).NextDouble() : System.Random.Shared.NextDouble();
        return JsonataResult.Of(JsonValue.Create(value));
    }

    /// <summary>A seed from every bit of the number, so 1 and 1.5 differ.</summary>
    private static int SeedOf(double seed)
    {
        var bits = BitConverter.DoubleToInt64Bits(seed == 0 ? 0d : seed);
        return unchecked((int)bits ^ (int)(bits >> 32));
    }
}
