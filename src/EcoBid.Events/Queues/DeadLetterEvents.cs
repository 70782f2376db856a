using System.Text.Json;
using EcoBid.Events.Envelope;

namespace EcoBid.Events.Queues;

/// <summary>
/// The system event published when a target dead-letters a message (source <c>ecobid.system</c>, detail-type
/// <c>ErrorOccurred</c>), so rules can alert on it. Its detail matches the catalogue's ErrorOccurred schema.
/// </summary>
public static class DeadLetterEvents
{
    public const string Source = "ecobid.system";
    public const string DetailType = "ErrorOccurred";

    public static bool IsDeadLetterEvent(EventEnvelope envelope) =>
        envelope is { Source: Source, DetailType: DetailType };

    /// <summary>
    /// The announcement of a message a receive moved to the dead-letter queue because its last allowed receive outlived
    /// its visibility timeout (its handler never answered): the same event a consumer publishes when it dead-letters,
    /// or null when the message is such an announcement itself (announcing those again could loop).
    /// </summary>
    public static EventEnvelope? ForExpired(string target, QueueMessage message, string error, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(message);
        EventEnvelope? failed;
        try
        {
            failed = EventEnvelope.FromJson(message.Body);
        }
#pragma warning disable CA1031 // Whatever the body is, the move must commit: a throw here would roll the receive back on every poll.
        catch (Exception)
#pragma warning restore CA1031
        {
            failed = null; // announced as of an unknown kind: the body is in the dead letter for whoever looks
        }

        return failed is not null && IsDeadLetterEvent(failed) ? null : Create(target, message, failed?.DetailType, error, now, failed?.CorrelationId);
    }

    public static EventEnvelope Create(string target, QueueMessage message, string? failedDetailType, string error, DateTimeOffset now, string? correlationId)
    {
        ArgumentNullException.ThrowIfNull(message);
        var detail = JsonSerializer.SerializeToElement(new Dictionary<string, object?>
        {
            ["target"] = target,
            ["eventId"] = message.EventId,
            ["detailType"] = failedDetailType ?? "unknown",
            ["receiveCount"] = message.ReceiveCount,
            ["error"] = error,
            ["occurredAt"] = now,
        });
        return new EventEnvelope
        {
            Id = Guid.CreateVersion7(now).ToString(),
            Source = Source,
            DetailType = DetailType,
            Time = now,
            Detail = detail,
            CorrelationId = correlationId,

            // Called while the failed attempt's span is current: the alert belongs to the failed event's trace.
            TraceParent = System.Diagnostics.Activity.Current?.Id,
        };
    }
}
