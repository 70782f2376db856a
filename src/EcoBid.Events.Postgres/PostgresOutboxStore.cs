using EcoBid.Events.Outbox;
using Npgsql;

namespace EcoBid.Events.Postgres;

/// <summary>
/// The outbox on PostgreSQL, read by the relay that holds <see cref="PostgresRelayLease"/>. A dispatch is one
/// transaction that first deletes the outbox rows it dispatches and then archives and enqueues only the events whose
/// rows it deleted: should two relays ever overlap (a leader that lost its session while another took over), the
/// second one's delete waits on the first one's row locks and then finds nothing, so no event is dispatched twice.
/// </summary>
public sealed class PostgresOutboxStore(PostgresDatabase database, PostgresRelayLease lease) : IOutboxStore
{
    private const string Archive = """
        INSERT INTO event_archive (event_id, source, detail_type, event_time, envelope, archived_at)
        VALUES (@id, @source, @type, @time, @envelope, @now) ON CONFLICT (event_id) DO NOTHING
        """;

    private const string Enqueue = """
        INSERT INTO queue_messages (queue, event_id, message_key, body, enqueued_at, visible_at)
        VALUES (@queue, @id, @id, @body, @now, @now)
        """;

    public async Task<IReadOnlyList<OutboxEntry>> ReadPendingAsync(int max, CancellationToken cancellationToken)
    {
        if (!await lease.TryHoldAsync(cancellationToken))
        {
            return [];
        }

        return await database.ReadAsync<IReadOnlyList<OutboxEntry>>(async connection =>
        {
            await using var command = PostgresCommands.Create((NpgsqlConnection)connection, "SELECT seq, envelope FROM outbox ORDER BY seq LIMIT @max", ("max", max));
            var entries = new List<OutboxEntry>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                entries.Add(new OutboxEntry(reader.GetInt64(0), reader.GetString(1)));
            }

            return entries;
        }, cancellationToken);
    }

    public async Task<IReadOnlyCollection<string>> DispatchAsync(IReadOnlyList<RoutedEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        var stored = new HashSet<string>(StringComparer.Ordinal);
        await database.WriteAsync(async scope =>
        {
            var postgres = PostgresWriteScope.Of(scope);
            var taken = new HashSet<long>();
            await using (var remove = PostgresCommands.Create(scope, "DELETE FROM outbox WHERE seq = ANY(@seqs) RETURNING seq", ("seqs", events.Select(e => e.Sequence).ToArray())))
            {
                await using var reader = await remove.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    taken.Add(reader.GetInt64(0));
                }
            }

            foreach (var routed in events.Where(e => taken.Contains(e.Sequence)))
            {
                await postgres.Prepared(
                    Archive,
                    ("id", routed.EventId), ("source", routed.Source), ("type", routed.DetailType), ("time", routed.Time),
                    ("envelope", routed.EnvelopeJson), ("now", scope.Now)).ExecuteNonQueryAsync(cancellationToken);
                foreach (var target in routed.Targets)
                {
                    await postgres.Prepared(Enqueue, ("queue", target), ("id", routed.EventId), ("body", routed.EnvelopeJson), ("now", scope.Now))
                        .ExecuteNonQueryAsync(cancellationToken);
                    stored.Add(target);
                }
            }

            return true;
        }, cancellationToken);
        return stored;
    }
}
