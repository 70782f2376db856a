using EcoBid.Events.Outbox;
using Microsoft.Data.Sqlite;

namespace EcoBid.Events.Sqlite;

/// <summary>
/// Outbox, archive and queues share one file, so a dispatch — archive, enqueue on every target, remove from the
/// outbox — is one transaction: an event is never half-dispatched, and never dispatched twice.
/// </summary>
public sealed class SqliteOutboxStore(SqliteDatabase database) : IOutboxStore
{
    private const string Archive = """
        INSERT INTO event_archive (event_id, source, detail_type, event_time, envelope, archived_at)
        VALUES ($id, $source, $type, $time, $envelope, $now) ON CONFLICT (event_id) DO NOTHING
        """;

    private const string Enqueue = """
        INSERT INTO queue_messages (queue, event_id, message_key, body, enqueued_at, visible_at)
        VALUES ($queue, $id, $id, $body, $now, $now)
        """;

    private const string Remove = "DELETE FROM outbox WHERE seq = $seq";

    public Task<IReadOnlyList<OutboxEntry>> ReadPendingAsync(int max, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<OutboxEntry>>(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT seq, envelope FROM outbox ORDER BY seq LIMIT $max";
            ((SqliteCommand)command).Parameters.AddWithValue("$max", max);
            var entries = new List<OutboxEntry>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                entries.Add(new OutboxEntry(reader.GetInt64(0), reader.GetString(1)));
            }

            return entries;
        }, cancellationToken);

    public Task DispatchAsync(IReadOnlyList<RoutedEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        return database.WriteAsync(async scope =>
        {
            var sqlite = SqliteWriteScope.Of(scope);
            var now = scope.Now.ToUnixTimeMilliseconds();
            foreach (var routed in events)
            {
                var archive = sqlite.Prepared(
                    Archive,
                    ("$id", routed.EventId),
                    ("$source", routed.Source),
                    ("$type", routed.DetailType),
                    ("$time", routed.Time.ToUnixTimeMilliseconds()),
                    ("$envelope", routed.EnvelopeJson),
                    ("$now", now));
                await archive.ExecuteNonQueryAsync(cancellationToken);
                foreach (var target in routed.Targets)
                {
                    var enqueue = sqlite.Prepared(Enqueue, ("$queue", target), ("$id", routed.EventId), ("$body", routed.EnvelopeJson), ("$now", now));
                    await enqueue.ExecuteNonQueryAsync(cancellationToken);
                }

                // Only the dispatched entries leave the outbox: an entry this batch does not hold has been neither
                // archived nor enqueued, and removing it would lose its event.
                await sqlite.Prepared(Remove, ("$seq", routed.Sequence)).ExecuteNonQueryAsync(cancellationToken);
            }

            return true;
        }, cancellationToken);
    }
}
