using System.Collections.Concurrent;
using EcoBid.Events.Rules;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace EcoBid.Events.RabbitMq;

/// <summary>
/// The process's one connection to the broker, opened on first use. The client recovers it after a network failure or
/// a broker restart, every <see cref="RabbitMqOptions.NetworkRecoveryInterval"/>, with its channels, declarations and
/// consumers. Publishes go through one channel with publisher confirms: a publish returns only once the broker has
/// the message (a quorum queue: on a majority of its replicas), and throws if it was refused or could not be routed.
/// </summary>
public sealed class RabbitMqConnection(IOptions<RabbitMqOptions> options, RuleSet? rules = null) : IAsyncDisposable
{
    private readonly RabbitMqOptions _options = options.Value;
    private readonly SemaphoreSlim _opening = new(1, 1);
    private readonly SemaphoreSlim _publishing = new(1, 1);
    private readonly ConcurrentDictionary<string, Task> _declared = new(StringComparer.Ordinal);
    private IConnection? _connection;
    private IChannel? _publisher;
    private long _life;
    private volatile bool _recovering;

    // Cancelled when the connection is lost: whatever waits on the broker in this life (a channel opening, a publish's
    // confirms) stops waiting at once instead of for a reply that a race with the loss may never deliver. A new one
    // begins when the client has recovered the connection.
    private CancellationTokenSource _lifetime = new();

    public RabbitMqOptions Options => _options;

    /// <summary>
    /// Counts the connection's losses. A delivery is settled only in the life it arrived in: after a loss the broker
    /// has taken it back, and its delivery tag names nothing (or another message) on the recovered channel.
    /// </summary>
    public long Life => Interlocked.Read(ref _life);

    /// <summary>True from a loss of the connection until the client has brought it back with its channels and consumers.</summary>
    public bool IsRecovering => _recovering;

    /// <summary>The rules file's targets and every queue this process has declared.</summary>
    public IEnumerable<string> KnownQueues => (rules?.Targets.Keys ?? []).Concat(_declared.Keys).Distinct(StringComparer.Ordinal);

    /// <summary>The settings a queue is declared with: its target's in the rules file, or the defaults.</summary>
    public QueueSettings SettingsOf(string queue) => rules?.Targets.TryGetValue(queue, out var target) == true ? target.Queue : new QueueSettings();

    /// <summary>The open connection (opened now if need be). Throws, naming the broker, when it cannot be reached.</summary>
    public async Task<IConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        if (_connection is { } open)
        {
            return open;
        }

        await _opening.WaitAsync(cancellationToken);
        try
        {
            if (_connection is not null)
            {
                return _connection;
            }

            if (string.IsNullOrWhiteSpace(_options.ConnectionString))
            {
                throw new InvalidOperationException("RabbitMq:ConnectionString is not set: the RabbitMQ queues need an AMQP URI (amqp://user:password@host:5672/vhost).");
            }

            var factory = new ConnectionFactory
            {
                Uri = new Uri(_options.ConnectionString),
                AutomaticRecoveryEnabled = true,
                TopologyRecoveryEnabled = true,
                NetworkRecoveryInterval = _options.NetworkRecoveryInterval,
                ClientProvidedName = $"ecobid:{Environment.MachineName}:{Environment.ProcessId}",
            };
            IConnection connection;
            try
            {
                connection = await factory.CreateConnectionAsync(cancellationToken);
            }
            catch (BrokerUnreachableException ex)
            {
                throw new BrokerUnavailableException($"RabbitMQ is unreachable at {Redacted(factory.Uri)}: {ex.InnerException?.Message ?? ex.Message}", ex);
            }

            try
            {
                await using var setup = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
                await RabbitMqTopology.DeclareDelaysAsync(setup, cancellationToken);
            }
            catch
            {
                // Nobody else holds this connection yet: left open, its recovery would keep it alive beside the next try's.
                // (The shutdown handlers below are not attached yet, so closing it does not mark this client as recovering.)
                await connection.AbortAsync(CancellationToken.None); // also when the caller gave up: the connection must not outlive this try
                await connection.DisposeAsync();
                throw;
            }

            connection.ConnectionShutdownAsync += (_, _) =>
            {
                _recovering = true;
                Interlocked.Increment(ref _life);
                // Cancelled off the client's thread, not awaited: the cancellation runs the callbacks of publishes waiting
                // for confirms, which go back into the client, and the client waits for this handler before it recovers.
                // Awaited here, a worker that had a publish in flight when the broker restarted once never reconnected.
                var lost = Volatile.Read(ref _lifetime);
                _ = Task.Run(lost.Cancel);
                return Task.CompletedTask;
            };
            connection.RecoverySucceededAsync += (_, _) =>
            {
                // The old source stays undisposed: a publish may still be reading its token, and once cancelled it holds nothing.
                Volatile.Write(ref _lifetime, new CancellationTokenSource());
                _recovering = false;
                return Task.CompletedTask;
            };
            _connection = connection;
            return connection;
        }
        finally
        {
            _opening.Release();
        }
    }

    /// <summary>Declares the queue (and its dead-letter queue) once per process; later calls find it done.</summary>
    public async Task EnsureQueueAsync(string queue, CancellationToken cancellationToken)
    {
        var declaring = _declared.GetOrAdd(queue, name => DeclareAsync(name, CancellationToken.None));
        try
        {
            await declaring.WaitAsync(cancellationToken);
        }
        catch when (declaring.IsFaulted || declaring.IsCanceled)
        {
            _declared.TryRemove(new KeyValuePair<string, Task>(queue, declaring)); // declared again on the next call
            throw;
        }
    }

    /// <summary>Declares the queue now and returns how many messages are ready in it (a passive look at its depth).</summary>
    public async Task<uint> DeclareAsync(string queue, CancellationToken cancellationToken)
    {
        await using var channel = await CreateChannelAsync(cancellationToken);
        return await RabbitMqTopology.DeclareTargetAsync(channel, queue, SettingsOf(queue), cancellationToken);
    }

    /// <summary>Publishes a persistent message and waits for the broker's confirm.</summary>
    public Task PublishAsync(string exchange, string routingKey, IDictionary<string, object?> headers, ReadOnlyMemory<byte> body, string messageId, CancellationToken cancellationToken) =>
        PublishAllAsync([new RabbitMqPublish(exchange, routingKey, headers, body, messageId)], cancellationToken);

    /// <summary>
    /// Publishes persistent messages and returns once the broker has confirmed every one of them; throws if any was
    /// refused or could not be routed (the others may be stored: callers publish again, and the inbox keeps effects single).
    /// The messages are sent without waiting for each confirm in turn, a window of <see cref="ConfirmWindow"/> at a time:
    /// a quorum queue confirms after its replicas have the message, and waiting for each before sending the next would
    /// make every publish pay that round trip alone.
    /// </summary>
    public async Task PublishAllAsync(IReadOnlyList<RabbitMqPublish> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (messages.Count == 0)
        {
            return;
        }

        var connection = await ConnectAsync(cancellationToken);
        await _publishing.WaitAsync(cancellationToken);
        try
        {
            if (_publisher is not { IsOpen: true })
            {
                if (_publisher is not null)
                {
                    await _publisher.DisposeAsync();
                }

                _publisher = await CreateChannelAsync(
                    new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
            }

            // The deadline is for progress: each window of confirms gets ConfirmTimeout, so a long batch to a slow but
            // healthy broker is not cut short, while a window whose confirms never come is. A lost connection ends
            // the wait at once: its confirms will not come.
            var lifetime = Volatile.Read(ref _lifetime).Token;
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime);
            var timeout = _options.ConfirmTimeout > TimeSpan.Zero ? _options.ConfirmTimeout : Timeout.InfiniteTimeSpan;
            deadline.CancelAfter(timeout);
            var confirms = new List<Task>(Math.Min(messages.Count, ConfirmWindow));
            Exception? refused = null;
            var cancelled = false;
            foreach (var message in messages)
            {
                var properties = new BasicProperties
                {
                    Persistent = true,
                    ContentType = "application/json",
                    MessageId = message.MessageId,
                    Headers = message.Headers,
                };
                confirms.Add(_publisher.BasicPublishAsync(message.Exchange, message.RoutingKey, mandatory: true, properties, message.Body, deadline.Token).AsTask());
                if (confirms.Count == ConfirmWindow)
                {
                    (refused, cancelled) = Worst(refused, cancelled, await AwaitConfirmsAsync(confirms));
                    deadline.CancelAfter(timeout);
                }
            }

            (refused, cancelled) = Worst(refused, cancelled, await AwaitConfirmsAsync(confirms));
            // Lost only for what was not confirmed: a loss right after the last confirm leaves nothing to publish again.
            var lost = (refused is not null || cancelled) && (lifetime.IsCancellationRequested || (refused is AlreadyClosedException && !connection.IsOpen));
            if (lost && !cancellationToken.IsCancellationRequested)
            {
                // Whether the client failed the waiting confirms or the loss cut the wait, the caller hears one thing.
                DropPublisher();
                throw new BrokerUnavailableException(
                    "The connection to RabbitMQ was lost before the broker confirmed the published messages; the publish will be retried.",
                    refused ?? new OperationCanceledException(lifetime));
            }

            if (cancelled)
            {
                // A publish given up before its confirm leaves the channel's confirm tracking unreliable, whichever token
                // ended it: the next publish gets a fresh channel.
                DropPublisher();
                if (!cancellationToken.IsCancellationRequested)
                {
                    throw new BrokerUnavailableException(
                        $"RabbitMQ did not confirm published messages within {_options.ConfirmTimeout}; the publishing channel was dropped and the publish will be retried.",
                        refused ?? new OperationCanceledException(deadline.Token));
                }

                cancellationToken.ThrowIfCancellationRequested();
            }

            if (refused is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(refused);
            }
        }
        finally
        {
            _publishing.Release();
        }
    }

    /// <summary>
    /// Forgets the publishing channel (its late confirms can no longer be matched to a publish); the next publish opens
    /// a new one. The old one is closed in the background: a broker that stopped confirming may not answer the close
    /// either, and the publish lock must not wait for it.
    /// </summary>
    private void DropPublisher()
    {
        if (_publisher is { } stale)
        {
            _publisher = null;
            _ = CloseQuietlyAsync(stale);
        }
    }

    private static async Task CloseQuietlyAsync(IChannel channel)
    {
        try
        {
            await channel.DisposeAsync();
        }
#pragma warning disable CA1031 // Nobody awaits this close: whatever it throws, the channel is already given up.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    /// <summary>Messages sent before their confirms are awaited.</summary>
    public const int ConfirmWindow = 256;

    /// <summary>Awaits every pending confirm and returns the first failure, if any, and whether any publish was cancelled.</summary>
    private static async Task<(Exception? First, bool Cancelled)> AwaitConfirmsAsync(List<Task> confirms)
    {
        Exception? first = null;
        var cancelled = false;
        foreach (var confirm in confirms)
        {
            try
            {
                await confirm;
            }
            catch (Exception ex)
            {
                first ??= ex;
                cancelled |= ex is OperationCanceledException;
            }
        }

        confirms.Clear();
        return (first, cancelled);
    }

    private static (Exception? First, bool Cancelled) Worst(Exception? first, bool cancelled, (Exception? First, bool Cancelled) window) =>
        (first ?? window.First, cancelled || window.Cancelled);

    /// <summary>A channel of the caller's own (for consuming, browsing or purging).</summary>
    public Task<IChannel> CreateChannelAsync(CancellationToken cancellationToken) => CreateChannelAsync(null, cancellationToken);

    /// <summary>
    /// Opens a channel, or fails at once with <see cref="BrokerUnavailableException"/> while the connection is lost or
    /// recovering. A channel opened while the client re-creates the recorded ones can be recovered twice (its consumer
    /// on one inner channel, its acknowledgements on the other), and an open that races with the loss can wait for
    /// a reply that never comes (the client's 20 s continuation timeout); neither helps a caller who will retry anyway.
    /// </summary>
    private async Task<IChannel> CreateChannelAsync(CreateChannelOptions? channelOptions, CancellationToken cancellationToken)
    {
        var connection = await ConnectAsync(cancellationToken);
        var lifetime = Volatile.Read(ref _lifetime).Token;
        if (_recovering || lifetime.IsCancellationRequested)
        {
            throw new BrokerUnavailableException("The connection to RabbitMQ is lost and recovering; the channel is opened once it is back.");
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime);
        try
        {
            return await connection.CreateChannelAsync(channelOptions, linked.Token);
        }
        catch (OperationCanceledException ex) when (lifetime.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new BrokerUnavailableException("The connection to RabbitMQ was lost while a channel was opening; it is opened again once the connection is back.", ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_publisher is not null)
        {
            await _publisher.DisposeAsync();
            _publisher = null;
        }

        if (_connection is not null)
        {
            if (_connection.IsOpen)
            {
                await _connection.CloseAsync();
            }

            await _connection.DisposeAsync();
            _connection = null;
        }
    }

    private static string Redacted(Uri uri) => new UriBuilder(uri) { Password = string.Empty, UserName = uri.UserInfo.Split(':')[0] }.Uri.ToString();
}
