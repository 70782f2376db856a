namespace EcoBid.Jsonata.StepFunctions;

/// <summary>Step Functions does not support <c>$eval</c>; this stands in for JSONata's built-in and always fails.</summary>
internal static class EvalNotSupported
{
    public static JsonataFunction Definition { get; } = new(null, _ =>
        throw new JsonataException(StepFunctionsFunctions.NotSupportedCode, "The $eval function is not supported in Step Functions; use $parse to read JSON text"));
}
