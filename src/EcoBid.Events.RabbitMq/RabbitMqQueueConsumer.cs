using System.Threading.Channels;
using EcoBid.Events.Signals;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace EcoBid.Events.RabbitMq;

/// <summary>
/// This process's subscription to one target's queue: a channel with a prefetch of a batch per consumer (the target's
/// batch size × concurrency), whose deliveries wait in memory until a receive takes them. Each delivery wakes the
/// target's consumers, so nothing polls.
/// </summary>
internal sealed class RabbitMqQueueConsumer : IAsyncDisposable
{
    private readonly Channel<RabbitMqDelivery> _buffer = Channel.CreateUnbounded<RabbitMqDelivery>();
    private readonly IChannel _channel;
    private readonly QueueSignal _signal;
    private long _epoch;

    private RabbitMqQueueConsumer(IChannel channel, QueueSignal signal)
    {
        _channel = channel;
        _signal = signal;
        channel.ChannelShutdownAsync += (_, _) =>
        {
            Interlocked.Increment(ref _epoch);
            return Task.CompletedTask;
        };
    }

    public long Epoch => Interlocked.Read(ref _epoch);

    /// <summary>Deliveries the broker has sent (unacknowledged, counted against the prefetch) that no receive has taken yet.</summary>
    public int Buffered => _buffer.Reader.Count;

    public static async Task<RabbitMqQueueConsumer> StartAsync(RabbitMqConnection connection, string queue, ushort prefetch, QueueSignal signal, CancellationToken cancellationToken)
    {
        await connection.EnsureQueueAsync(queue, cancellationToken);
        var channel = await connection.CreateChannelAsync(cancellationToken);
        await channel.BasicQosAsync(0, prefetch, global: false, cancellationToken);
        var subscription = new RabbitMqQueueConsumer(channel, signal);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += subscription.OnDeliveredAsync;
        await channel.BasicConsumeAsync(queue, autoAck: false, consumer, cancellationToken);
        return subscription;
    }

    /// <summary>Takes a buffered delivery of the current channel; older ones were taken back by the broker and are dropped.</summary>
    public bool TryTake(out RabbitMqDelivery delivery)
    {
        while (_buffer.Reader.TryRead(out delivery!))
        {
            if (delivery.Epoch == Epoch)
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
        _buffer.Writer.TryComplete();
        await _channel.DisposeAsync();
    }

    private Task OnDeliveredAsync(object sender, BasicDeliverEventArgs delivered)
    {
        // The body is the client's buffer, valid only during this call.
        _buffer.Writer.TryWrite(new RabbitMqDelivery(_channel, Epoch, delivered.DeliveryTag, delivered.BasicProperties, delivered.Body.ToArray()));
        _signal.Set();
        return Task.CompletedTask;
    }
}
