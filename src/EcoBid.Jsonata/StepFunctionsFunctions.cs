using EcoBid.Jsonata.StepFunctions;

namespace EcoBid.Jsonata;

/// <summary>
/// The JSONata functions AWS Step Functions adds to the standard library ("Transforming data with JSONata in Step
/// Functions"), and its one removal: <c>$eval</c> is not supported there (use <c>$parse</c> for JSON text).
/// </summary>
public static class StepFunctionsFunctions
{
    /// <summary>Code of the error a Step Functions function raises for an argument it cannot use.</summary>
    public const string InvalidArgumentCode = "SF0001";

    /// <summary>Code of the error raised by a function Step Functions does not support (<c>$eval</c>).</summary>
    public const string NotSupportedCode = "SF0002";

    /// <summary>
    /// <c>$partition(array, chunkSize)</c>, <c>$range(start, end, step)</c>, <c>$hash(data, algorithm)</c>,
    /// <c>$random([seed])</c>, <c>$uuid()</c>, <c>$parse(jsonString)</c>, and <c>$eval</c> replaced by an error;
    /// keyed by name without the <c>$</c>. Pass as <see cref="JsonataOptions.Functions"/>.
    /// </summary>
    public static IReadOnlyDictionary<string, JsonataFunction> All { get; } = new Dictionary<string, JsonataFunction>(StringComparer.Ordinal)
    {
        ["partition"] = PartitionFunction.Definition,
        ["range"] = RangeFunction.Definition,
        ["hash"] = HashFunction.Definition,
        ["random"] = RandomFunction.Definition,
        ["uuid"] = UuidFunction.Definition,
        ["parse"] = ParseFunction.Definition,
        ["eval"] = EvalNotSupported.Definition,
    };
}
