using RabbitMQ.Client;

namespace EcoBid.Events.RabbitMq;

/// <summary>
/// A message the broker delivered to this process and has not been settled yet. <see cref="Epoch"/> is the consumer
/// channel's life it arrived in: once that channel is gone the broker has taken the message back (and will deliver it
/// again), so a settlement of an older epoch is dropped rather than applied to a delivery tag that now means another
/// message.
/// </summary>
internal sealed class RabbitMqDelivery(IChannel channel, long epoch, ulong deliveryTag, IReadOnlyBasicProperties properties, byte[] body)
{
    public IChannel Channel => channel;

    public long Epoch => epoch;

    public ulong DeliveryTag => deliveryTag;

    public IReadOnlyBasicProperties Properties => properties;

    public byte[] Body => body;

    public string Queue { get; set; } = string.Empty;

    /// <summary>When it was handed to a receiver (for the visibility timeout).</summary>
    public DateTimeOffset ReceivedAt { get; set; }

    public TimeSpan VisibilityTimeout { get; set; }

    public int ReceiveCount { get; set; }

    /// <summary>What the handler's transaction decided; applied in settlement only if <see cref="Committed"/>.</summary>
    public RabbitMqSettlement? Settlement { get; set; }

    public bool Committed { get; set; }
}
