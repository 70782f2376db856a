using RabbitMQ.Client;

namespace EcoBid.Events.RabbitMq;

/// <summary>
/// A message the broker delivered to this process and has not been settled yet. <see cref="Epoch"/> and the connection's
/// life are when it arrived: once its channel or the connection was lost the broker has taken the message back (and will
/// deliver it again), so a settlement from before is dropped rather than applied to a delivery tag that now means
/// another message or none (which the broker answers by closing the channel).
/// </summary>
internal sealed class RabbitMqDelivery(RabbitMqQueueConsumer consumer, IChannel channel, long epoch, long life, ulong deliveryTag, IReadOnlyBasicProperties properties, byte[] body)
{
    public IChannel Channel => channel;

    /// <summary>True while this delivery can still be settled: its subscription's channel is the one it came on, and open.</summary>
    public bool IsLive => consumer.IsLive(epoch, life);

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
