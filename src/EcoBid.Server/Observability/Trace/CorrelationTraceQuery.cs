using System.Data.Common;
using System.Text.Json;
using Dapper;
using EcoBid.Events.Monitoring;
using EcoBid.Events.Rules;
using EcoBid.Events.Storage;
using EcoBid.Server.Storage;

namespace EcoBid.Server.Observability.Trace;

/// <summary>
/// Puts together the trace of one correlation id from what the store keeps: archived events (through the
/// <c>ix_event_archive_correlation</c> expression index) and events still in the outbox; per event and target, the
/// inbox mark (handled, and when), or the message still queued or dead-lettered; and this process's recent attempts
/// from the runtime monitor. No tracing backend is needed.
/// </summary>
public sealed class CorrelationTraceQuery(IEventDatabase database, RuleSet rules, RuntimeMonitor monitor, TimeProvider clock)
{
    public const int MaxEvents = 1000;

    internal const string Archived = """
        SELECT event_id, envelope, archived_at FROM event_archive
        WHERE json_extract(envelope, '$."correlation-id"') = @id
        ORDER BY event_time, seq LIMIT @max
        """;

    // The outbox is short-lived and small: a scan is cheaper than an index every commit would pay for.
    private const string Pending = """
        SELECT envelope FROM outbox WHERE json_extract(envelope, '$."correlation-id"') = @id ORDER BY seq LIMIT @max
        """;

    // PostgreSQL keeps the runtime's times as timestamptz and its flags as booleans; these read them as the SQLite
    // columns are (unix milliseconds, 0/1), and find the correlation id through the same expression as its index.
    internal const string ArchivedOnPostgres = """
        SELECT event_id, envelope, (EXTRACT(EPOCH FROM archived_at) * 1000)::bigint FROM event_archive
        WHERE (ecobid_json(envelope) ->> 'correlation-id') = @id
        ORDER BY event_time, seq LIMIT @max
        """;

    private const string PendingOnPostgres = """
        SELECT envelope FROM outbox WHERE (ecobid_json(envelope) ->> 'correlation-id') = @id ORDER BY seq LIMIT @max
        """;

    private const string Queued =
        "SELECT event_id AS EventId, COALESCE(source_queue, queue) AS Target, receive_count AS ReceiveCount, in_flight AS InFlight, visible_at AS VisibleAt, dead_lettered_at AS DeadLetteredAt, last_error AS LastError FROM queue_messages WHERE event_id IN @ids";

    private const string QueuedOnPostgres =
        "SELECT event_id AS EventId, COALESCE(source_queue, queue) AS Target, receive_count::bigint AS ReceiveCount, CASE WHEN in_flight THEN 1 ELSE 0 END::bigint AS InFlight, (EXTRACT(EPOCH FROM visible_at) * 1000)::bigint AS VisibleAt, (EXTRACT(EPOCH FROM dead_lettered_at) * 1000)::bigint AS DeadLetteredAt, last_error AS LastError FROM queue_messages WHERE event_id = ANY(@ids)";

    private const string Processed = "SELECT processed_at FROM inbox WHERE consumer = @target AND message_key = @key";

    private const string ProcessedOnPostgres = "SELECT (EXTRACT(EPOCH FROM processed_at) * 1000)::bigint FROM inbox WHERE consumer = @target AND message_key = @key";

    public async Task<CorrelationTrace> ReadAsync(string correlationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(correlationId);
        return await database.ReadAsync(async connection =>
        {
            var postgres = SqlDialects.Of(connection) == SqlDialect.Postgres;
            var archived = (await connection.QueryAsync<(string EventId, string Envelope, long ArchivedAt)>(
                new CommandDefinition(postgres ? ArchivedOnPostgres : Archived, new { id = correlationId, max = MaxEvents + 1 }, cancellationToken: cancellationToken))).ToList();
            var pending = (await connection.QueryAsync<string>(
                new CommandDefinition(postgres ? PendingOnPostgres : Pending, new { id = correlationId, max = MaxEvents + 1 }, cancellationToken: cancellationToken))).ToList();
            var truncated = archived.Count + pending.Count > MaxEvents;
            var entries = archived.Select(a => (Json: a.Envelope, DispatchedAt: (long?)a.ArchivedAt))
                .Concat(pending.Select(p => (Json: p, DispatchedAt: (long?)null)))
                .Take(MaxEvents)
                .Select(e => Parse(e.Json, e.DispatchedAt))
                .ToList();

            var ids = entries.Select(e => e.Id).ToList();
            var queued = (ids.Count == 0 ? [] : await connection.QueryAsync<QueuedRow>(new CommandDefinition(
                postgres ? QueuedOnPostgres : Queued,
                new { ids }, cancellationToken: cancellationToken))).ToLookup(q => (q.EventId, q.Target));
            var attempts = monitor.Recent
                .Where(a => a.Queue is not null && a.Kind is RuntimeActivityKind.Handled or RuntimeActivityKind.Duplicate or RuntimeActivityKind.Failed or RuntimeActivityKind.DeadLettered)
                .ToLookup(a => (a.EventId, a.Queue!));
            var now = clock.GetUtcNow().ToUnixTimeMilliseconds();

            var events = new List<TracedEvent>(entries.Count);
            foreach (var entry in entries.OrderBy(e => e.Time).ThenBy(e => e.DispatchedAt is null))
            {
                var deliveries = new List<TracedDelivery>();
                foreach (var target in entry.Targets)
                {
                    deliveries.Add(await DeliveryAsync(connection, entry, target, queued[(entry.Id, target)].FirstOrDefault(), attempts[(entry.Id, target)], now, cancellationToken));
                }

                var dispatchedAt = entry.DispatchedAt is { } at ? DateTimeOffset.FromUnixTimeMilliseconds(at) : (DateTimeOffset?)null;
                events.Add(new TracedEvent(
                    entry.Id, entry.Source, entry.DetailType, entry.Time, dispatchedAt is null ? "pending" : "dispatched",
                    dispatchedAt, dispatchedAt is { } d ? Math.Max(0, (d - entry.Time).TotalMilliseconds) : null, entry.TraceParent, deliveries));
            }

            return new CorrelationTrace(correlationId, events, truncated);
        }, cancellationToken);
    }

    private static async Task<TracedDelivery> DeliveryAsync(
        DbConnection connection, Entry entry, string target, QueuedRow? queued, IEnumerable<RuntimeActivity> seen, long now, CancellationToken cancellationToken)
    {
        var attempts = seen.OrderBy(a => a.At).Select(a => new TracedAttempt(a.At, Outcome(a.Kind), a.ReceiveCount, a.Duration?.TotalMilliseconds, a.Error)).ToList();
        if (entry.DispatchedAt is null)
        {
            return new TracedDelivery(target, "awaiting_dispatch", null, null, null, null, attempts);
        }

        var processedAt = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            SqlDialects.Of(connection) == SqlDialect.Postgres ? ProcessedOnPostgres : Processed, new { target, key = entry.Id }, cancellationToken: cancellationToken));
        if (processedAt is { } handled)
        {
            var handledAt = DateTimeOffset.FromUnixTimeMilliseconds(handled);
            return new TracedDelivery(target, "handled", handledAt, Math.Max(0, (handledAt - entry.Time).TotalMilliseconds), attempts.LastOrDefault()?.ReceiveCount, null, attempts);
        }

        if (queued is null)
        {
            return new TracedDelivery(target, "unknown", null, null, null, null, attempts);
        }

        var status = queued.DeadLetteredAt is not null ? "dead_lettered" : queued.VisibleAt <= now ? "visible" : queued.InFlight != 0 ? "in_flight" : "delayed";
        return new TracedDelivery(target, status, null, null, (int)queued.ReceiveCount, queued.LastError, attempts);
    }

    private Entry Parse(string json, long? dispatchedAt)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        return new Entry(
            root.GetProperty("id").GetString()!,
            root.GetProperty("source").GetString()!,
            root.GetProperty("detail-type").GetString()!,
            root.GetProperty("time").GetDateTimeOffset(),
            root.TryGetProperty("traceparent", out var trace) && trace.ValueKind == JsonValueKind.String ? trace.GetString() : null,
            dispatchedAt,
            rules.Route(root));
    }

    private static string Outcome(RuntimeActivityKind kind) => kind switch
    {
        RuntimeActivityKind.Handled => TraceOutcomes.Handled,
        RuntimeActivityKind.Duplicate => TraceOutcomes.Duplicate,
        RuntimeActivityKind.DeadLettered => TraceOutcomes.DeadLettered,
        _ => TraceOutcomes.Retry,
    };

    private sealed record Entry(string Id, string Source, string DetailType, DateTimeOffset Time, string? TraceParent, long? DispatchedAt, IReadOnlyList<string> Targets);

    private sealed class QueuedRow
    {
        public string EventId { get; init; } = string.Empty;

        public string Target { get; init; } = string.Empty;

        public long ReceiveCount { get; init; }

        public long InFlight { get; init; }

        public long VisibleAt { get; init; }

        public long? DeadLetteredAt { get; init; }

        public string? LastError { get; init; }
    }
}
