namespace EcoBid.Events.Scheduling;

/// <summary>
/// The period in which a schedule may fire, as EventBridge Scheduler's StartDate and EndDate:
/// fires happen at or after the start date and strictly before the end date. Either bound is optional.
/// </summary>
public sealed record ScheduleWindow(DateTimeOffset? StartDate, DateTimeOffset? EndDate)
{
    /// <summary>A window with no bounds.</summary>
    public static ScheduleWindow Unbounded { get; } = new(null, null);

    public bool Contains(DateTimeOffset instant) =>
        (StartDate is not { } start || instant >= start) && (EndDate is not { } end || instant < end);

    /// <summary>Whether no fire at or after <paramref name="instant"/> can fall inside the window.</summary>
    public bool HasEndedBy(DateTimeOffset instant) => EndDate is { } end && instant >= end;
}
