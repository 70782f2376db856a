namespace EcoBid.Jsonata;

/// <summary>
/// Error codes raised by the host rather than by a JSONata rule. The first two are JSONata's own codes for its
/// guardrails, reused when the engine's backstop (rather than JSONata's check) catches the same condition.
/// </summary>
public static class JsonataErrorCodes
{
    /// <summary>JSONata's "Stack overflow" (evaluation nested deeper than allowed, or the native stack ran low).</summary>
    public const string StackOverflow = "D1011";

    /// <summary>JSONata's "Evaluation timeout".</summary>
    public const string Timeout = "D1012";

    /// <summary>The evaluation allocated more than <see cref="JsonataOptions.MemoryLimitBytes"/>.</summary>
    public const string MemoryLimit = "U1002";

    /// <summary>A failure without a JSONata code: a JavaScript error inside the library or a host function that failed.</summary>
    public const string HostError = "U1000";
}
