using System.Text.Json;
using EcoBid.Events.Envelope;

namespace EcoBid.Events.Scheduling;

/// <summary>
/// The event a schedule emits, shaped like EventBridge's scheduled-rule event: source <c>ecobid.scheduler</c>,
/// detail-type <c>Scheduled Event</c>, the schedule in <c>resources</c>, and the scheduled time as the event time.
/// Rules route it by <c>resources</c> (for example <c>{"resources": ["schedule/DailyCleanup"]}</c>).
/// </summary>
public static class ScheduledEvents
{
    public const string Source = "ecobid.scheduler";
    public const string DetailType = "Scheduled Event";

    public static string Resource(string scheduleName) => $"schedule/{scheduleName}";

    public static string TimerKey(string scheduleName) => $"schedule:{scheduleName}";

    public static EventEnvelope Create(ScheduleDefinition schedule, DateTimeOffset scheduledTime)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var detail = JsonSerializer.SerializeToElement(new Dictionary<string, string>
        {
            ["schedule"] = schedule.Name,
            ["expression"] = schedule.Expression.Text,
            ["timezone"] = schedule.TimeZone.Id,
            ["scheduledTime"] = EventEnvelopeJson.FormatTime(scheduledTime),
        });
        return new EventEnvelope
        {
            Id = Guid.CreateVersion7(scheduledTime).ToString(),
            Source = Source,
            DetailType = DetailType,
            Time = scheduledTime,
            Resources = [Resource(schedule.Name)],
            Detail = detail,
        };
    }
}
