using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using EcoBid.Events.Queues;
using EcoBid.Events.Rules;
using EcoBid.Events.Signals;
using EcoBid.Events.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace EcoBid.Events.RabbitMq;

/// <summary>
/// <see cref="IMessageQueue"/> on RabbitMQ (see <see cref="RabbitMqTopology"/> for the layout). The calls made in the
/// handler's transaction (acknowledge, release, dead-letter) are recorded and applied in <see cref="SettleAsync"/>
/// after the commit: a crash in between leaves the message unacknowledged, the broker delivers it again, and the
/// inbox, committed with the effect, makes the second delivery a duplicate. Calls that put messages on a queue from a
/// transaction (<see cref="EnqueueAsync"/>, <see cref="DeadLetterNewAsync"/>) publish at once, before the commit: a
/// rolled-back transaction may leave a message behind, never lose one, and its key is the inbox's.
/// </summary>
public sealed partial class RabbitMqMessageQueue : IMessageQueue, IAsyncDisposable
{
    private const int MaxErrorLength = 2000;

    private readonly RabbitMqConnection _connection;
    private readonly RuntimeSignals _signals;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, Lazy<Task<RabbitMqQueueConsumer>>> _consumers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<long, RabbitMqDelivery> _inFlight = new();
    private readonly ITimer _visibility;
    private long _nextId;
    private long _nextDeadLetterId;

    public RabbitMqMessageQueue(RabbitMqConnection connection, RuntimeSignals signals, TimeProvider clock, ILogger<RabbitMqMessageQueue>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(clock);
        _connection = connection;
        _signals = signals;
        _clock = clock;
        _logger = logger ?? NullLogger<RabbitMqMessageQueue>.Instance;
        _nextDeadLetterId = clock.GetUtcNow().ToUnixTimeMilliseconds() << 10;
        _visibility = clock.CreateTimer(_ => _ = ExpireVisibilityAsync(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    public async Task<IReadOnlyList<QueueMessage>> ReceiveAsync(string queue, QueueSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var consumer = await ConsumerAsync(queue, settings, cancellationToken);
        if (!consumer.TryTake(out var first) && !(await consumer.WaitAsync(_connection.Options.ReceiveWait, cancellationToken) && consumer.TryTake(out first)))
        {
            return [];
        }

        var messages = new List<QueueMessage>(settings.BatchSize);
        var delivery = first;
        while (true)
        {
            if (await AdmitAsync(queue, settings, delivery, cancellationToken) is { } message)
            {
                messages.Add(message);
            }

            if (messages.Count >= settings.BatchSize || !consumer.TryTake(out delivery))
            {
                return messages;
            }
        }
    }

    public Task AcknowledgeAsync(IWriteScope scope, QueueMessage message)
    {
        Decide(scope, message, new RabbitMqSettlement.Acknowledge());
        return Task.CompletedTask;
    }

    public Task ReleaseAsync(IWriteScope scope, QueueMessage message, TimeSpan delay, string reason)
    {
        Decide(scope, message, new RabbitMqSettlement.Release(delay, reason));
        return Task.CompletedTask;
    }

    /// <summary>
    /// Records the dead letter for settlement; <c>false</c> when this process no longer holds the delivery (its
    /// visibility timeout passed and it went back to the broker, which delivers it again).
    /// </summary>
    public Task<bool> DeadLetterAsync(IWriteScope scope, QueueMessage message, string reason) =>
        Task.FromResult(Decide(scope, message, new RabbitMqSettlement.DeadLetter(reason)));

    public async Task SettleAsync(IReadOnlyList<QueueMessage> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        foreach (var message in batch)
        {
            if (!_inFlight.TryRemove(message.Id, out var delivery))
            {
                continue; // its visibility timeout passed and it went back to the queue
            }

            try
            {
                await SettleOneAsync(message, delivery, cancellationToken);
            }
            catch (Exception ex) when (ex is AlreadyClosedException or OperationInterruptedException or PublishException or IOException)
            {
                // The broker still holds the message unacknowledged; it comes back once the channel is gone.
                LogSettleFailed(_logger, message.EventId, message.Queue, ex);
            }
            catch (BrokerUnavailableException ex)
            {
                // The retry or dead letter was not confirmed in time: hand the original back rather than leave it
                // unacknowledged on a live channel (the inbox keeps a second handling single), and settle the rest.
                LogSettleFailed(_logger, message.EventId, message.Queue, ex);
                await HandBackAsync(delivery);
            }
        }
    }

    public void Keep(IReadOnlyList<QueueMessage> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var now = _clock.GetUtcNow();
        foreach (var message in batch)
        {
            if (_inFlight.TryGetValue(message.Id, out var delivery))
            {
                delivery.ReceivedAt = now;
            }
        }
    }

    public async Task EnqueueAsync(IWriteScope scope, string queue, string eventId, string messageKey, string body)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await PublishNewAsync(queue, eventId, messageKey, body, scope.Now, scope.CancellationToken);
    }

    /// <summary>Publishes a new message on <paramref name="queue"/> (a replay, a redrive) and waits for the broker's confirm.</summary>
    public Task PublishNewAsync(string queue, string eventId, string messageKey, string body, DateTimeOffset now, CancellationToken cancellationToken) =>
        PublishNewAsync([(queue, eventId, messageKey, body)], now, cancellationToken);

    /// <summary>
    /// Publishes new messages in the order given (the outbox dispatch: every target of every event of a batch) and
    /// returns once the broker has confirmed all of them.
    /// </summary>
    public async Task PublishNewAsync(IReadOnlyList<(string Queue, string EventId, string MessageKey, string Body)> messages, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        foreach (var queue in messages.Select(m => m.Queue).Distinct(StringComparer.Ordinal))
        {
            await _connection.EnsureQueueAsync(queue, cancellationToken);
        }

        var publishes = new List<RabbitMqPublish>(messages.Count);
        foreach (var (queue, eventId, messageKey, body) in messages)
        {
            var headers = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                [RabbitMqHeaders.EventId] = eventId,
                [RabbitMqHeaders.MessageKey] = messageKey,
                [RabbitMqHeaders.EnqueuedAt] = now.ToUnixTimeMilliseconds(),
                [RabbitMqHeaders.Receives] = 0L,
            };
            publishes.Add(new RabbitMqPublish(string.Empty, queue, headers, Encoding.UTF8.GetBytes(body), eventId));
        }

        await _connection.PublishAllAsync(publishes, cancellationToken);
    }

    public async Task DeadLetterNewAsync(IWriteScope scope, string queue, string eventId, string messageKey, string body, string reason)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await _connection.EnsureQueueAsync(queue, scope.CancellationToken);
        var headers = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            [RabbitMqHeaders.EventId] = eventId,
            [RabbitMqHeaders.MessageKey] = messageKey,
            [RabbitMqHeaders.EnqueuedAt] = scope.Now.ToUnixTimeMilliseconds(),
            [RabbitMqHeaders.Receives] = 0L,
        };
        await PublishDeadLetterAsync(queue, headers, Encoding.UTF8.GetBytes(body), eventId, reason, scope.CancellationToken);
    }

    /// <summary>
    /// Always <c>null</c>: the broker wakes this process's consumers when a message arrives (a retry included, when its
    /// delay is over), so a consumer has no visible time to wait for.
    /// </summary>
    public Task<DateTimeOffset?> NextVisibleAtAsync(string queue, CancellationToken cancellationToken) => Task.FromResult<DateTimeOffset?>(null);

    /// <summary>
    /// Depths by passive declaration of each known target's queue and dead-letter queue (the broker's ready counts,
    /// exact at the moment asked); in flight counts this process's unsettled deliveries (received, or prefetched and waiting
    /// for a receive). Messages waiting out a retry
    /// delay sit in the shared delay levels and are not counted per target; the oldest message's age is not known to
    /// AMQP and is left out.
    /// </summary>
    public async Task<IReadOnlyList<QueueStats>> GetStatsAsync(CancellationToken cancellationToken)
    {
        var names = _connection.KnownQueues.Concat(_consumers.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var stats = new List<QueueStats>(names.Count);
        foreach (var queue in names)
        {
            var ready = await _connection.DeclareAsync(queue, cancellationToken);
            var dead = await CountAsync(RabbitMqTopology.DeadLetterQueue(queue), cancellationToken);
            var buffered = _consumers.TryGetValue(queue, out var consumer) && consumer.IsValueCreated && consumer.Value.IsCompletedSuccessfully ? consumer.Value.Result.Buffered : 0;
            var inFlight = buffered + _inFlight.Values.Count(d => string.Equals(d.Queue, queue, StringComparison.Ordinal));
            stats.Add(new QueueStats(queue, ready, inFlight, 0, dead, null));
        }

        return stats;
    }

    public async Task<IReadOnlyList<DeadLetter>> ListDeadLettersAsync(string queue, int max, CancellationToken cancellationToken)
    {
        await _connection.EnsureQueueAsync(queue, cancellationToken);
        var letters = new List<DeadLetter>();

        // Browsing: take without acknowledging on a channel of its own, then hand every one back.
        await using var channel = await _connection.CreateChannelAsync(cancellationToken);
        ulong last = 0;
        while (letters.Count < max && await channel.BasicGetAsync(RabbitMqTopology.DeadLetterQueue(queue), autoAck: false, cancellationToken) is { } got)
        {
            letters.Add(ToDeadLetter(queue, got.BasicProperties, got.Body.ToArray()));
            last = got.DeliveryTag;
        }

        if (last > 0)
        {
            await channel.BasicNackAsync(last, multiple: true, requeue: true, cancellationToken);
        }

        await channel.CloseAsync(cancellationToken);
        return letters;
    }

    public async Task<int> RedriveAsync(string queue, IReadOnlyCollection<long>? ids, int max, CancellationToken cancellationToken)
    {
        if (ids is { Count: 0 })
        {
            return 0;
        }

        await _connection.EnsureQueueAsync(queue, cancellationToken);
        var dlq = RabbitMqTopology.DeadLetterQueue(queue);
        var moved = 0;
        await using var channel = await _connection.CreateChannelAsync(cancellationToken);
        // Letters this channel takes and leaves unacknowledged are not handed to it again, so the walk ends.
        while (moved < max && await channel.BasicGetAsync(dlq, autoAck: false, cancellationToken) is { } got)
        {

            var body = got.Body.ToArray();
            var letter = ToDeadLetter(queue, got.BasicProperties, body);
            if (ids is not null && !ids.Contains(letter.Id))
            {
                continue; // left unacknowledged: back in the dead-letter queue when the channel closes
            }

            await PublishNewAsync(queue, letter.EventId, letter.MessageKey, Encoding.UTF8.GetString(body), _clock.GetUtcNow(), cancellationToken);
            await channel.BasicAckAsync(got.DeliveryTag, multiple: false, cancellationToken);
            moved++;
        }

        await channel.CloseAsync(cancellationToken);
        return moved;
    }

    public async Task<int> PurgeDeadLettersAsync(string queue, CancellationToken cancellationToken)
    {
        await _connection.EnsureQueueAsync(queue, cancellationToken);
        await using var channel = await _connection.CreateChannelAsync(cancellationToken);
        var purged = await channel.QueuePurgeAsync(RabbitMqTopology.DeadLetterQueue(queue), cancellationToken);
        await channel.CloseAsync(cancellationToken);
        return (int)purged;
    }

    public async ValueTask DisposeAsync()
    {
        await _visibility.DisposeAsync();
        foreach (var consumer in _consumers.Values.Where(c => c.IsValueCreated))
        {
            try
            {
                await (await consumer.Value).DisposeAsync();
            }
            catch (Exception ex) when (ex is AlreadyClosedException or OperationInterruptedException or InvalidOperationException)
            {
                LogSettleFailed(_logger, "-", "-", ex);
            }
        }

        _consumers.Clear();
    }

    private async Task<RabbitMqQueueConsumer> ConsumerAsync(string queue, QueueSettings settings, CancellationToken cancellationToken)
    {
        var prefetch = (ushort)Math.Clamp(settings.BatchSize * Math.Max(1, settings.Concurrency), 1, ushort.MaxValue);
        var lazy = _consumers.GetOrAdd(queue, name => new Lazy<Task<RabbitMqQueueConsumer>>(
            () => RabbitMqQueueConsumer.StartAsync(_connection, name, prefetch, _signals.Queue(name), _clock, CancellationToken.None)));
        RabbitMqQueueConsumer consumer;
        try
        {
            consumer = await lazy.Value.WaitAsync(cancellationToken);
        }
        catch when (lazy.Value.IsFaulted)
        {
            _consumers.TryRemove(new KeyValuePair<string, Lazy<Task<RabbitMqQueueConsumer>>>(queue, lazy)); // started again on the next receive
            throw;
        }

        if (!consumer.IsDead(await _connection.ConnectAsync(cancellationToken), DeadChannelPatience))
        {
            return consumer;
        }

        // The broker closed this subscription's channel on its own (a channel error), which the client never recovers:
        // without a new one the queue would wait forever. What it held unacknowledged is back on the queue already.
        LogConsumerReplaced(_logger, queue);
        if (_consumers.TryRemove(new KeyValuePair<string, Lazy<Task<RabbitMqQueueConsumer>>>(queue, lazy)))
        {
            await consumer.DisposeAsync();
        }

        return await ConsumerAsync(queue, settings, cancellationToken);
    }

    /// <summary>How long a consumer channel may stay closed under an open connection before it counts as closed for good (a recovery reopens it well within this).</summary>
    private TimeSpan DeadChannelPatience => (_connection.Options.NetworkRecoveryInterval * 2) + TimeSpan.FromSeconds(5);

    /// <summary>
    /// Counts the receive and hands the delivery out, or, when this receive would be one more than the queue allows (a
    /// handler that never returned, or took its process down, every time), moves it to the dead-letter queue instead, as
    /// SQS does when such a message comes to be received.
    /// </summary>
    private async Task<QueueMessage?> AdmitAsync(string queue, QueueSettings settings, RabbitMqDelivery delivery, CancellationToken cancellationToken)
    {
        var properties = delivery.Properties;
        var receiveCount = (int)(RabbitMqHeaders.Number(properties, RabbitMqHeaders.Receives) + RabbitMqHeaders.Number(properties, RabbitMqHeaders.DeliveryCount) + 1);
        if (receiveCount > settings.MaxReceiveCount)
        {
            var previous = RabbitMqHeaders.Text(properties, RabbitMqHeaders.LastError);
            var reason = (previous is null ? string.Empty : previous + " | ") + "delivered again after the last allowed receive";
            var headers = RabbitMqHeaders.Copy(properties);
            headers[RabbitMqHeaders.Receives] = (long)settings.MaxReceiveCount;
            try
            {
                await PublishDeadLetterAsync(queue, headers, delivery.Body, properties.MessageId ?? string.Empty, reason, cancellationToken);
            }
            catch (BrokerUnavailableException)
            {
                await HandBackAsync(delivery); // taken from the buffer: nobody else would hand it back
                throw;
            }

            await delivery.Channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, cancellationToken);
            return null;
        }

        var id = Interlocked.Increment(ref _nextId);
        delivery.Queue = queue;
        delivery.ReceivedAt = _clock.GetUtcNow();
        delivery.VisibilityTimeout = settings.VisibilityTimeout;
        delivery.ReceiveCount = receiveCount;
        _inFlight[id] = delivery;
        return new QueueMessage(
            id,
            queue,
            RabbitMqHeaders.Text(properties, RabbitMqHeaders.EventId) ?? properties.MessageId ?? string.Empty,
            RabbitMqHeaders.Text(properties, RabbitMqHeaders.MessageKey) ?? properties.MessageId ?? string.Empty,
            Encoding.UTF8.GetString(delivery.Body),
            receiveCount,
            DateTimeOffset.FromUnixTimeMilliseconds(RabbitMqHeaders.Number(properties, RabbitMqHeaders.EnqueuedAt)));
    }

    /// <summary>Records the settlement for after the commit; false when this process no longer holds the delivery.</summary>
    private bool Decide(IWriteScope scope, QueueMessage message, RabbitMqSettlement settlement)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(message);
        if (!_inFlight.TryGetValue(message.Id, out var delivery))
        {
            return false;
        }

        delivery.Settlement = settlement;
        delivery.Committed = false;
        scope.OnCommitted(() => delivery.Committed = true);
        return true;
    }

    private async Task SettleOneAsync(QueueMessage message, RabbitMqDelivery delivery, CancellationToken cancellationToken)
    {
        if (!delivery.IsLive)
        {
            return; // its channel is gone: the broker took it back and delivers it again
        }

        var headers = RabbitMqHeaders.Copy(delivery.Properties);
        headers.Remove(RabbitMqHeaders.DeliveryCount);
        headers[RabbitMqHeaders.Receives] = (long)delivery.ReceiveCount;
        switch (delivery.Committed ? delivery.Settlement : null)
        {
            case RabbitMqSettlement.Acknowledge:
                break;
            case RabbitMqSettlement.Release release:
                headers[RabbitMqHeaders.LastError] = Truncate(release.Reason);
                await _connection.EnsureQueueAsync(message.Queue, cancellationToken);
                var (exchange, routingKey) = RabbitMqTopology.DelayRoute(message.Queue, release.Delay) ?? (string.Empty, message.Queue);
                await _connection.PublishAsync(exchange, routingKey, headers, delivery.Body, message.EventId, cancellationToken);
                break;
            case RabbitMqSettlement.DeadLetter deadLetter:
                await PublishDeadLetterAsync(message.Queue, headers, delivery.Body, message.EventId, deadLetter.Reason, cancellationToken);
                break;
            default:
                // The transaction did not commit (or decided nothing): the message goes back, its receive counted.
                await delivery.Channel.BasicNackAsync(delivery.DeliveryTag, multiple: false, requeue: true, cancellationToken);
                return;
        }

        await delivery.Channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, cancellationToken);
    }

    /// <summary>Gives a delivery back to the broker for redelivery; nothing to do when its channel has gone (that hands it back too).</summary>
    private static async Task HandBackAsync(RabbitMqDelivery delivery)
    {
        if (!delivery.IsLive)
        {
            return;
        }

        try
        {
            await delivery.Channel.BasicNackAsync(delivery.DeliveryTag, multiple: false, requeue: true, CancellationToken.None);
        }
        catch (Exception ex) when (ex is AlreadyClosedException or OperationInterruptedException or IOException or ObjectDisposedException)
        {
            // The channel closed meanwhile, which hands the delivery back as well.
        }
    }

    private async Task PublishDeadLetterAsync(string queue, Dictionary<string, object?> headers, ReadOnlyMemory<byte> body, string messageId, string reason, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        headers.Remove(RabbitMqHeaders.DeliveryCount);
        headers[RabbitMqHeaders.SourceQueue] = queue;
        headers[RabbitMqHeaders.LastError] = Truncate(reason);
        headers[RabbitMqHeaders.DeadLetteredAt] = now.ToUnixTimeMilliseconds();
        headers[RabbitMqHeaders.DeadLetterId] = Interlocked.Increment(ref _nextDeadLetterId);
        await _connection.PublishAsync(RabbitMqTopology.DeadLetterExchange, queue, headers, body, messageId, cancellationToken);
    }

    private async Task<long> CountAsync(string queue, CancellationToken cancellationToken)
    {
        await using var channel = await _connection.CreateChannelAsync(cancellationToken);
        var count = await channel.MessageCountAsync(queue, cancellationToken);
        await channel.CloseAsync(cancellationToken);
        return count;
    }

    /// <summary>Hands back deliveries held past their visibility timeout (a handler that hangs), as SQS makes them visible again.</summary>
    private async Task ExpireVisibilityAsync()
    {
        var now = _clock.GetUtcNow();
        foreach (var (id, delivery) in _inFlight)
        {
            if (now - delivery.ReceivedAt < delivery.VisibilityTimeout || !_inFlight.TryRemove(id, out _))
            {
                continue;
            }

            try
            {
                if (delivery.IsLive)
                {
                    await delivery.Channel.BasicNackAsync(delivery.DeliveryTag, multiple: false, requeue: true);
                }
            }
            catch (Exception ex) when (ex is AlreadyClosedException or OperationInterruptedException or IOException)
            {
                LogSettleFailed(_logger, id.ToString(CultureInfo.InvariantCulture), "-", ex);
            }
        }
    }

    private static DeadLetter ToDeadLetter(string queue, IReadOnlyBasicProperties properties, byte[] body)
    {
        var enqueued = RabbitMqHeaders.Number(properties, RabbitMqHeaders.EnqueuedAt);
        return new DeadLetter(
            RabbitMqHeaders.Number(properties, RabbitMqHeaders.DeadLetterId),
            RabbitMqHeaders.Text(properties, RabbitMqHeaders.SourceQueue) ?? queue,
            RabbitMqHeaders.Text(properties, RabbitMqHeaders.EventId) ?? properties.MessageId ?? string.Empty,
            RabbitMqHeaders.Text(properties, RabbitMqHeaders.MessageKey) ?? properties.MessageId ?? string.Empty,
            (int)RabbitMqHeaders.Number(properties, RabbitMqHeaders.Receives),
            RabbitMqHeaders.Text(properties, RabbitMqHeaders.LastError) ?? (properties.Headers?.ContainsKey("x-death") == true ? "delivery limit reached" : null),
            DateTimeOffset.FromUnixTimeMilliseconds(enqueued),
            DateTimeOffset.FromUnixTimeMilliseconds(RabbitMqHeaders.Number(properties, RabbitMqHeaders.DeadLetteredAt)),
            Encoding.UTF8.GetString(body));
    }

    private static string Truncate(string text) => text.Length <= MaxErrorLength ? text : text[..MaxErrorLength];

    [LoggerMessage(Level = LogLevel.Warning, Message = "The broker closed the consumer channel of {Queue} and it was not recovered; consuming it on a new channel")]
    private static partial void LogConsumerReplaced(ILogger logger, string queue);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Settling {EventId} on {Queue} failed; the broker delivers it again")]
    private static partial void LogSettleFailed(ILogger logger, string eventId, string queue, Exception exception);
}
