using System.Text.Json;
using System.Threading.Channels;
using EcoBid.Events.RabbitMq;
using EcoBid.Server.Hosting;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace EcoBid.Server.Live;

/// <summary>
/// The scale-out fan-out (<c>Queues: rabbitmq</c>): each call is published to the <see cref="Exchange"/> fan-out
/// exchange, and every API node, this one included, delivers it to the connections it holds from a queue of its own
/// (exclusive, deleted with its connection, re-declared by the client after a broker restart). Worker nodes only publish.
/// Pushes are transient by design: one lost while the broker is away is caught up by the client's resume from its last
/// notification id, as after any reconnect. Calls never block: they queue for one publishing loop, and when that
/// queue is full (the broker is down for long) the oldest push is dropped.
/// </summary>
public sealed partial class RabbitMqLiveFanout(
    RabbitMqConnection broker, LiveConnections connections, ServerRoleOptions role, ILogger<RabbitMqLiveFanout> logger)
    : ILiveFanout, IHostedService, IAsyncDisposable
{
    public const string Exchange = "ecobid.live";

    private const int Backlog = 10_000;

    private readonly Channel<LiveBroadcast> _outgoing = Channel.CreateBounded<LiveBroadcast>(
        new BoundedChannelOptions(Backlog) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    private readonly CancellationTokenSource _stopping = new();
    private IChannel? _consuming;
    private Task _publishing = Task.CompletedTask;
    private int _disposed;

    public void ToUsers(IReadOnlyCollection<string> userIds, LiveFrame frame)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        ArgumentNullException.ThrowIfNull(frame);
        if (userIds.Count > 0)
        {
            _outgoing.Writer.TryWrite(new LiveBroadcast([.. userIds], null, LiveBroadcastFrame.From(frame), null));
        }
    }

    public void ToWatchers(string itemId, LiveFrame frame, IReadOnlyDictionary<string, LiveFrame?>? perUser = null)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var personal = perUser?.ToDictionary(pair => pair.Key, pair => pair.Value is { } own ? LiveBroadcastFrame.From(own) : null, StringComparer.Ordinal);
        _outgoing.Writer.TryWrite(new LiveBroadcast(null, itemId, LiveBroadcastFrame.From(frame), personal));
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var channel = await broker.CreateChannelAsync(cancellationToken);
        await channel.ExchangeDeclareAsync(Exchange, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        if (role.ServesApi)
        {
            var queue = await channel.QueueDeclareAsync(string.Empty, durable: false, exclusive: true, autoDelete: true, cancellationToken: cancellationToken);
            await channel.QueueBindAsync(queue.QueueName, Exchange, string.Empty, cancellationToken: cancellationToken);
            var consumer = new AsyncEventingBasicConsumer(channel);
            consumer.ReceivedAsync += (_, delivery) =>
            {
                Deliver(delivery.Body);
                return Task.CompletedTask;
            };
            await channel.BasicConsumeAsync(queue.QueueName, autoAck: true, consumer, cancellationToken);
        }

        _consuming = channel;
        _publishing = Task.Run(() => PublishAllAsync(_stopping.Token), CancellationToken.None);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (!_outgoing.Writer.TryComplete())
        {
            return; // stopped already (the host stops it, then the container disposes it)
        }

        await _stopping.CancelAsync();
        try
        {
            await _publishing.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Stopping: pushes still queued are dropped, as they would be with the process.
        }

        if (_consuming is { } channel)
        {
            _consuming = null;
            await channel.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return; // registered as itself and as ILiveFanout: the container disposes it once per registration
        }

        await StopAsync(CancellationToken.None);
        _stopping.Dispose();
    }

    private async Task PublishAllAsync(CancellationToken cancellationToken)
    {
        await foreach (var broadcast in _outgoing.Reader.ReadAllAsync(cancellationToken))
        {
            try
            {
                var body = JsonSerializer.SerializeToUtf8Bytes(broadcast, LiveBroadcastJson.Options);
                await broker.PublishAsync(Exchange, string.Empty, new Dictionary<string, object?>(), body, Guid.NewGuid().ToString("N"), cancellationToken);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // Unroutable (no API node is listening) or the broker is away: the push is lost, the client resumes.
                LogPublishFailed(logger, ex.Message);
            }
        }
    }

    private void Deliver(ReadOnlyMemory<byte> body)
    {
        LiveBroadcast? broadcast;
        try
        {
            broadcast = JsonSerializer.Deserialize<LiveBroadcast>(body.Span, LiveBroadcastJson.Options);
        }
        catch (JsonException ex)
        {
            LogUnreadable(logger, ex.Message);
            return;
        }

        if (broadcast is null)
        {
            return;
        }

        var frame = broadcast.Frame.ToFrame();
        foreach (var userId in broadcast.Users ?? [])
        {
            connections.SendToUser(userId, frame);
        }

        if (broadcast.Item is { } itemId)
        {
            var perUser = broadcast.PerUser?.ToDictionary(pair => pair.Key, pair => pair.Value?.ToFrame(), StringComparer.Ordinal);
            connections.SendToWatchers(itemId, frame, perUser);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A live push was not published to RabbitMQ: {Reason}")]
    private static partial void LogPublishFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "An unreadable live push arrived from RabbitMQ: {Reason}")]
    private static partial void LogUnreadable(ILogger logger, string reason);
}
