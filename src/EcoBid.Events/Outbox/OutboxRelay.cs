using System.Text.Json;
using EcoBid.Events.Monitoring;
using EcoBid.Events.Rules;
using EcoBid.Events.Signals;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EcoBid.Events.Outbox;

/// <summary>
/// Moves committed events from the outbox to their targets' queues and the archive, in commit order. It wakes when a
/// transaction that published commits, so an event is usually on its way within a millisecond or two of the commit.
/// </summary>
public sealed partial class OutboxRelay(
    IOutboxStore store,
    RuleSet rules,
    RuntimeSignals signals,
    RuntimeMonitor monitor,
    TimeProvider clock,
    IOptions<RuntimeOptions> options,
    ILogger<OutboxRelay> logger) : BackgroundService
{
    private readonly RuntimeOptions _options = options.Value;

    /// <summary>Dispatches one batch; returns how many events it moved.</summary>
    public async Task<int> RelayOnceAsync(CancellationToken cancellationToken)
    {
        var pending = await store.ReadPendingAsync(_options.RelayBatchSize, cancellationToken);
        if (pending.Count == 0)
        {
            return 0;
        }

        var routed = pending.Select(Route).ToList();
        var stored = await store.DispatchAsync(routed, cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var routedEvent in routed)
        {
            monitor.Record(new RuntimeActivity(RuntimeActivityKind.Dispatched, routedEvent.EventId, null, now));
        }

        foreach (var target in stored)
        {
            signals.Queue(target).Set();
        }

        return pending.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var moved = await RelayOnceAsync(stoppingToken);
                if (moved < _options.RelayBatchSize)
                {
                    await signals.Outbox.WaitAsync(_options.IdleRecheck, clock, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogRelayFailed(logger, ex);
                await Task.Delay(TimeSpan.FromSeconds(1), clock, stoppingToken);
            }
        }
    }

    private RoutedEvent Route(OutboxEntry entry)
    {
        using var document = JsonDocument.Parse(entry.EnvelopeJson);
        var root = document.RootElement;
        return new RoutedEvent(
            entry.Sequence,
            root.GetProperty("id").GetString()!,
            root.GetProperty("source").GetString()!,
            root.GetProperty("detail-type").GetString()!,
            root.GetProperty("time").GetDateTimeOffset(),
            entry.EnvelopeJson,
            rules.Route(root));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The outbox relay failed; it retries in a second")]
    private static partial void LogRelayFailed(ILogger logger, Exception exception);
}
