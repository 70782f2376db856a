using System.Diagnostics;
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

        var spans = RuntimeTracing.Source.HasListeners() ? new Activity?[pending.Count] : null;
        var routed = new List<RoutedEvent>(pending.Count);
        IReadOnlyCollection<string> stored;
        try
        {
            for (var i = 0; i < pending.Count; i++)
            {
                routed.Add(Route(pending[i], spans, i));
            }

            stored = await store.DispatchAsync(routed, cancellationToken);
        }
        catch (Exception ex)
        {
            EndSpans(spans, routed, TraceOutcomes.Failed, ex.Message);
            throw;
        }

        EndSpans(spans, routed, TraceOutcomes.Dispatched, null);
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

    /// <summary>
    /// Parses the envelope once and matches it against every rule. While tracing is on, the event gets a relay span
    /// under the trace it carries, and goes on to its targets (and the archive) with that span as its parent.
    /// </summary>
    private RoutedEvent Route(OutboxEntry entry, Activity?[]? spans, int index)
    {
        using var document = JsonDocument.Parse(entry.EnvelopeJson);
        var root = document.RootElement;
        var eventId = root.GetProperty("id").GetString()!;
        var source = root.GetProperty("source").GetString()!;
        var detailType = root.GetProperty("detail-type").GetString()!;
        var json = entry.EnvelopeJson;
        if (spans is not null)
        {
            var traceParent = Optional(root, "traceparent");
            var span = RuntimeTracing.StartRelay(eventId, source, detailType, traceParent, Optional(root, "correlation-id"));
            spans[index] = span;
            if (span?.Id is { } id)
            {
                json = EnvelopeTraceParent.Replace(json, traceParent, id);
            }
        }

        return new RoutedEvent(
            entry.Sequence,
            eventId,
            source,
            detailType,
            root.GetProperty("time").GetDateTimeOffset(),
            json,
            rules.Route(root));
    }

    private static string? Optional(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static void EndSpans(Activity?[]? spans, List<RoutedEvent> routed, string outcome, string? error)
    {
        if (spans is null)
        {
            return;
        }

        for (var i = 0; i < spans.Length; i++)
        {
            if (spans[i] is { } span)
            {
                span.SetTag(TraceTags.Targets, i < routed.Count ? routed[i].Targets.Count : 0);
                RuntimeTracing.SetOutcome(span, outcome, error);
                span.Stop();
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The outbox relay failed; it retries in a second")]
    private static partial void LogRelayFailed(ILogger logger, Exception exception);
}
