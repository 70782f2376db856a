using System.Text;
using RabbitMQ.Client;

namespace EcoBid.Events.RabbitMq;

/// <summary>
/// What a message carries besides its body. Receives counted before this copy of the message travel in
/// <see cref="Receives"/> (a retry is a new copy, published through the delay exchanges); RabbitMQ counts the returns of
/// the current copy in <see cref="DeliveryCount"/> (quorum queues set it on redelivery).
/// </summary>
internal static class RabbitMqHeaders
{
    public const string EventId = "ecobid-event-id";
    public const string MessageKey = "ecobid-message-key";
    public const string EnqueuedAt = "ecobid-enqueued-at";
    public const string Receives = "ecobid-receives";
    public const string LastError = "ecobid-last-error";
    public const string SourceQueue = "ecobid-source-queue";
    public const string DeadLetteredAt = "ecobid-dead-lettered-at";
    public const string DeadLetterId = "ecobid-dead-letter-id";
    public const string DeliveryCount = "x-delivery-count";

    public static string? Text(IReadOnlyBasicProperties properties, string name) =>
        properties.Headers is { } headers && headers.TryGetValue(name, out var value) ? value switch
        {
            byte[] bytes => Encoding.UTF8.GetString(bytes),
            string text => text,
            null => null,
            _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
        } : null;

    public static long Number(IReadOnlyBasicProperties properties, string name) =>
        properties.Headers is { } headers && headers.TryGetValue(name, out var value) && value is not null
            ? value is byte[] bytes ? long.Parse(Encoding.UTF8.GetString(bytes), System.Globalization.CultureInfo.InvariantCulture) : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)
            : 0;

    /// <summary>
    /// The message's own headers, for a new copy of it. The broker's (<c>x-death</c>, <c>x-delivery-count</c>, …) stay
    /// behind: a copy that carried the <c>x-death</c> of its last trip through the delay levels would be taken for a
    /// dead-letter cycle on the next one, and dropped.
    /// </summary>
    public static Dictionary<string, object?> Copy(IReadOnlyBasicProperties properties)
    {
        var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in properties.Headers ?? new Dictionary<string, object?>())
        {
            if (!name.StartsWith("x-", StringComparison.Ordinal))
            {
                copy[name] = value;
            }
        }

        return copy;
    }
}
