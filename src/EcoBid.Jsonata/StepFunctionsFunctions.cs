namespace EcoBid.Jsonata;

/// <summary>The JSONata functions that AWS Step Functions adds to the standard library.</summary>
public static class StepFunctionsFunctions
{
    /// <summary>Every Step Functions extra, keyed by name without the <c>$</c>; pass as <see cref="JsonataOptions.Functions"/>.</summary>
    public static IReadOnlyDictionary<string, JsonataFunction> All { get; } = new Dictionary<string, JsonataFunction>();
}
