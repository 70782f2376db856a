using System.Threading.Channels;
using EcoBid.Events.Signals;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;

namespace EcoBid.Events.RabbitMq;

/// <summary>
/// This process's subscription to one target's queue: a channel with a prefetch of a batch per consumer (the target's
/// batch size × concurrency), whose deliveries wait in memory until a receive takes them. Each delivery wakes the
/// target's consumers, so nothing polls.
/// </summary>
/// <remarks>
/// The client recovers the channel with its connection (a new <see cref="Epoch"/>: deliveries of the old one were
/// taken back by the broker), but not after the broker closed the channel alone (a channel error): then
/// <see cref="IsDead"/> tells the queue to start a new subscription. A subscription that is disposed, or whose start
/// failed half-way, hands back whatever the broker still delivers to it, so no message waits on a buffer nobody reads.
/// </remarks>
internal sealed class RabbitMqQueueConsumer : IAsyncDisposable
{
    private readonly Channel<RabbitMqDelivery> _buffer = Channel.CreateUnbounded<RabbitMqDelivery>();
    private readonly IChannel _channel;
    private readonly RabbitMqConnection _connection;
    private readonly QueueSignal _signal;
    private readonly TimeProvider _clock;
    private long _epoch;
    private long _closedAtTicks;
    private volatile bool _disposed;

    private RabbitMqQueueConsumer(IChannel channel, RabbitMqConnection connection, QueueSignal signal, TimeProvider clock)
    {
        _channel = channel;
        _connection = connection;
        _signal = signal;
        _clock = clock;
        channel.ChannelShutdownAsync += (_, _) =>
        {
            Interlocked.Increment(ref _epoch);
            Interlocked.Exchange(ref _closedAtTicks, clock.GetUtcNow().UtcTicks);
            return Task.CompletedTask;
        };
    }

    public long Epoch => Interlocked.Read(ref _epoch);

    /// <summary>Deliveries the broker has sent (unacknowledged, counted against the prefetch) that no receive has taken yet.</summary>
    public int Buffered => _buffer.Reader.Count;

    /// <summary>
    /// True when the channel has stayed closed for longer than a recovery takes (<paramref name="patience"/>) while the
    /// connection is open: the broker closed it alone, and nothing will reopen it.
    /// </summary>
    public bool IsDead(IConnection connection, TimeSpan patience)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (_disposed)
        {
            return true;
        }

        var closedAt = Interlocked.Read(ref _closedAtTicks);
        return _channel.IsClosed && connection.IsOpen && closedAt != 0 && _clock.GetUtcNow().UtcTicks - closedAt > patience.Ticks;
    }

    /// <summary>
    /// True while a delivery that arrived in <paramref name="epoch"/> of the channel and <paramref name="life"/> of the
    /// connection can still be settled on this subscription's channel.
    /// </summary>
    public bool IsLive(long epoch, long life) => !_disposed && _channel.IsOpen && epoch == Epoch && life == _connection.Life;

    public static async Task<RabbitMqQueueConsumer> StartAsync(RabbitMqConnection connection, string queue, ushort prefetch, QueueSignal signal, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await connection.EnsureQueueAsync(queue, cancellationToken);

        // Fails at once while the connection recovers (see RabbitMqConnection.CreateChannelAsync); the consumer loop tries again shortly.
        var channel = await connection.CreateChannelAsync(cancellationToken);
        var subscription = new RabbitMqQueueConsumer(channel, connection, signal, clock);
        try
        {
            await channel.BasicQosAsync(0, prefetch, global: false, cancellationToken);
            var consumer = new AsyncEventingBasicConsumer(channel);
            consumer.ReceivedAsync += subscription.OnDeliveredAsync;
            await channel.BasicConsumeAsync(queue, autoAck: false, consumer, cancellationToken);
            return subscription;
        }
        catch
        {
            // The client may already have recorded the consumer and would bring it back with the connection: close
            // the channel so that it does not, and hand back anything it receives until then.
            await subscription.DisposeAsync();
            throw;
        }
    }

    /// <summary>Takes a buffered delivery of the current channel; older ones were taken back by the broker and are dropped.</summary>
    public bool TryTake(out RabbitMqDelivery delivery)
    {
        while (_buffer.Reader.TryRead(out delivery!))
        {
            if (delivery.IsLive)
            {
                return true;
            }
        }

        return false;
    }

    public async Task<bool> WaitAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        if (wait <= TimeSpan.Zero)
        {
            return false;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(wait);
        try
        {
            return await _buffer.Reader.WaitToReadAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        _buffer.Writer.TryComplete();
        try
        {
            // Closing hands every unacknowledged delivery back to the broker and drops the channel from recovery.
            await _channel.DisposeAsync();
        }
        catch (Exception ex) when (ex is AlreadyClosedException or OperationInterruptedException or IOException or ObjectDisposedException)
        {
            // Already gone with its connection: the broker took its deliveries back then.
        }
    }

    private async Task OnDeliveredAsync(object sender, BasicDeliverEventArgs delivered)
    {
        if (_disposed)
        {
            // A subscription nobody reads any more (the client recovered it after it was given up): straight back.
            try
            {
                await _channel.BasicNackAsync(delivered.DeliveryTag, multiple: false, requeue: true);
            }
            catch (Exception ex) when (ex is AlreadyClosedException or OperationInterruptedException or IOException or ObjectDisposedException)
            {
                // The channel closed first, which hands the delivery back as well.
            }

            return;
        }

        // The body is the client's buffer, valid only during this call.
        _buffer.Writer.TryWrite(new RabbitMqDelivery(this, _channel, Epoch, _connection.Life, delivered.DeliveryTag, delivered.BasicProperties, delivered.Body.ToArray()));
        _signal.Set();
    }
}
