using EcoBid.Events.Rules;
using RabbitMQ.Client;

namespace EcoBid.Events.RabbitMq;

/// <summary>
/// The broker's layout. Each target is a durable quorum queue named after it, with <c>x-delivery-limit</c> and the
/// dead-letter exchange <see cref="DeadLetterExchange"/> routing into <c>{target}.dlq</c> (a quorum queue too).
/// Delayed retries go through <see cref="DelayLevels"/> levels of delay exchanges and queues shared by every target:
/// level <c>n</c>'s queue holds messages for 2^n × <see cref="DelayUnit"/> (a per-queue TTL, so a level's messages
/// expire in the order they arrived and none waits behind a longer one), then dead-letters them on to level <c>n-1</c>.
/// The routing key spells the delay in binary, one word per level, then the target; each level's exchange sends a
/// message to its queue when its bit is set and straight on to the next level when not, and the last level hands it
/// to <see cref="DeliveryExchange"/>, which routes it back to its target's queue. A delay of d units thus costs one
/// hop per set bit and arrives within a unit of d.
/// </summary>
internal static class RabbitMqTopology
{
    public const string DeadLetterSuffix = ".dlq";
    public const string DeadLetterExchange = "ecobid.dead-letter";
    public const string DeliveryExchange = "ecobid.delivery";
    public const int DelayLevels = 15;

    public static readonly TimeSpan DelayUnit = TimeSpan.FromMilliseconds(10);

    /// <summary>The longest delay the levels spell: about 5.5 minutes, beyond the default backoff cap of 5.</summary>
    public static readonly TimeSpan MaxDelay = DelayUnit * ((1 << DelayLevels) - 1);

    public static string DelayExchange(int level) => $"ecobid.delay.{level}";

    public static string DelayQueue(int level) => $"ecobid.delay.{level}";

    public static string DeadLetterQueue(string queue) => queue + DeadLetterSuffix;

    /// <summary>The exchange to publish a delayed message to, and its routing key; <c>null</c> when the delay rounds to nothing.</summary>
    public static (string Exchange, string RoutingKey)? DelayRoute(string queue, TimeSpan delay)
    {
        var units = (long)Math.Ceiling(Math.Min(delay.Ticks, MaxDelay.Ticks) / (double)DelayUnit.Ticks);
        if (units <= 0)
        {
            return null;
        }

        var bits = Enumerable.Range(0, DelayLevels).Select(i => ((units >> (DelayLevels - 1 - i)) & 1) == 1 ? "1" : "0");
        return (DelayExchange(DelayLevels - 1), string.Join('.', bits) + "." + queue);
    }

    public static async Task DeclareDelaysAsync(IChannel channel, CancellationToken cancellationToken)
    {
        await channel.ExchangeDeclareAsync(DeliveryExchange, ExchangeType.Topic, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        await channel.ExchangeDeclareAsync(DeadLetterExchange, ExchangeType.Direct, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        for (var level = 0; level < DelayLevels; level++)
        {
            var next = level == 0 ? DeliveryExchange : DelayExchange(level - 1);
            await channel.ExchangeDeclareAsync(DelayExchange(level), ExchangeType.Topic, durable: true, autoDelete: false, cancellationToken: cancellationToken);
            await channel.QueueDeclareAsync(
                DelayQueue(level), durable: true, exclusive: false, autoDelete: false,
                arguments: new Dictionary<string, object?>
                {
                    ["x-queue-type"] = "classic",
                    ["x-message-ttl"] = (long)(DelayUnit.TotalMilliseconds * (1L << level)),
                    ["x-dead-letter-exchange"] = next,
                },
                cancellationToken: cancellationToken);
            await channel.QueueBindAsync(DelayQueue(level), DelayExchange(level), BitPattern(level, "1"), cancellationToken: cancellationToken);
            await channel.ExchangeBindAsync(next, DelayExchange(level), BitPattern(level, "0"), cancellationToken: cancellationToken);
        }
    }

    /// <summary>Declares a target's queue and its dead-letter queue (idempotent); returns the target queue's ready count.</summary>
    public static async Task<uint> DeclareTargetAsync(IChannel channel, string queue, QueueSettings settings, CancellationToken cancellationToken)
    {
        await channel.QueueDeclareAsync(
            DeadLetterQueue(queue), durable: true, exclusive: false, autoDelete: false,
            arguments: new Dictionary<string, object?> { ["x-queue-type"] = "quorum" },
            cancellationToken: cancellationToken);
        await channel.QueueBindAsync(DeadLetterQueue(queue), DeadLetterExchange, queue, cancellationToken: cancellationToken);
        var declared = await channel.QueueDeclareAsync(
            queue, durable: true, exclusive: false, autoDelete: false,
            arguments: new Dictionary<string, object?>
            {
                ["x-queue-type"] = "quorum",
                ["x-delivery-limit"] = settings.MaxReceiveCount,
                ["x-dead-letter-exchange"] = DeadLetterExchange,
                ["x-dead-letter-routing-key"] = queue,
            },
            cancellationToken: cancellationToken);
        await channel.QueueBindAsync(queue, DeliveryExchange, string.Concat(Enumerable.Repeat("*.", DelayLevels)) + queue, cancellationToken: cancellationToken);
        return declared.MessageCount;
    }

    private static string BitPattern(int level, string bit) =>
        string.Join('.', Enumerable.Range(0, DelayLevels).Select(i => DelayLevels - 1 - i == level ? bit : "*")) + ".#";

}
