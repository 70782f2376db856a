namespace EcoBid.Events.Monitoring;

public enum RuntimeActivityKind
{
    Dispatched,
    Handled,
    Duplicate,
    Failed,
    DeadLettered,
    Redriven,
    TimerFired,
}

/// <summary>
/// Something the runtime did with one event: observed by metrics, logs and tests. <c>Duration</c> is how long a
/// handler attempt ran inside its transaction (handled, failed, dead-lettered and duplicate deliveries).
/// </summary>
public sealed record RuntimeActivity(
    RuntimeActivityKind Kind,
    string EventId,
    string? Queue,
    DateTimeOffset At,
    int ReceiveCount = 0,
    string? Error = null,
    TimeSpan? Duration = null);
