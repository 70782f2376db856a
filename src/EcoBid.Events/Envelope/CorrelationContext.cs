namespace EcoBid.Events.Envelope;

/// <summary>
/// The correlation id of the work in progress: set from <c>X-Correlation-Id</c> for a request and from the envelope
/// for a handler, so every event an action causes, however far down the chain, carries the id it started with.
/// </summary>
public static class CorrelationContext
{
    private static readonly AsyncLocal<string?> CurrentId = new();

    public static string? Current
    {
        get => CurrentId.Value;
        set => CurrentId.Value = value;
    }
}
