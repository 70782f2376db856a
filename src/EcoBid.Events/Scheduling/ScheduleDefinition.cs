namespace EcoBid.Events.Scheduling;

/// <summary>A recurring schedule from the schedules file: it emits a "Scheduled Event" at each fire time.</summary>
public sealed record ScheduleDefinition(
    string Name,
    string Description,
    ScheduleExpression Expression,
    TimeZoneInfo TimeZone,
    DateTimeOffset? StartDate,
    DateTimeOffset? EndDate)
{
    /// <summary>What identifies the definition: when it changes, the schedule is registered afresh.</summary>
    public string Fingerprint => $"{Expression.Text}|{TimeZone.Id}|{StartDate?.ToString("O")}|{EndDate?.ToString("O")}";

    /// <summary>The first fire time strictly after <paramref name="after"/>, or null when the schedule has run out.</summary>
    public DateTimeOffset? NextAfter(DateTimeOffset after, DateTimeOffset anchor) =>
        ScheduleTimeline.Next(Expression, TimeZone, after, 1, StartDate ?? anchor, EndDate) is [var next] ? next : null;
}
