using EcoBid.Events.Outbox;
using EcoBid.Events.Queues;
using Microsoft.Data.Sqlite;

namespace EcoBid.Events.Sqlite;

/// <summary>
/// Outbox, archive and queues share one file, so a dispatch — archive, enqueue on every target, remove from the
/// outbox — is one transaction: an event is never half-dispatched, and never dispatched twice. A message for a
/// consumer of this process with room for it (<see cref="QueueHandoff"/>) is written already received and handed over
/// once the transaction commits.
/// </summary>
public sealed class SqliteOutboxStore(SqliteDatabase database, QueueHandoff? handoff = null) : IOutboxStore
{
    private const string Archive = """
        INSERT INTO event_archive (event_id, source, detail_type, event_time, envelope, archived_at)
        VALUES ($id, $source, $type, $time, $envelope, $now) ON CONFLICT (event_id) DO NOTHING
        """;

    private const string Enqueue = """
        INSERT INTO queue_messages (queue, event_id, message_key, body, enqueued_at, visible_at)
        VALUES ($queue, $id, $id, $body, $now, $now)
        """;

    private const string EnqueueReceived = """
        INSERT INTO queue_messages (queue, event_id, message_key, body, enqueued_at, visible_at, receive_count, in_flight)
        VALUES ($queue, $id, $id, $body, $now, $until, 1, 1) RETURNING id
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

    public async Task<IReadOnlyCollection<string>> DispatchAsync(IReadOnlyList<RoutedEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        var stored = new HashSet<string>(StringComparer.Ordinal);
        var reserved = new List<QueueMailbox>();
        var handed = new List<(QueueMailbox Mailbox, QueueMessage Message)>();
        try
        {
            await database.WriteAsync(async scope =>
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
                        if (handoff?.TryReserve(target) is { } mailbox)
                        {
                            reserved.Add(mailbox);
                            var until = now + (long)mailbox.VisibilityTimeout.TotalMilliseconds;
                            var id = (long)(await sqlite.Prepared(EnqueueReceived, ("$queue", target), ("$id", routed.EventId), ("$body", routed.EnvelopeJson), ("$now", now), ("$until", until))
                                .ExecuteScalarAsync(cancellationToken))!;
                            handed.Add((mailbox, new QueueMessage(id, target, routed.EventId, routed.EventId, routed.EnvelopeJson, 1, scope.Now)));
                        }
                        else
                        {
                            var enqueue = sqlite.Prepared(Enqueue, ("$queue", target), ("$id", routed.EventId), ("$body", routed.EnvelopeJson), ("$now", now));
                            await enqueue.ExecuteNonQueryAsync(cancellationToken);
                            stored.Add(target);
                        }
                    }

                    // Only the dispatched entries leave the outbox: an entry this batch does not hold has been neither
                    // archived nor enqueued, and removing it would lose its event.
                    await sqlite.Prepared(Remove, ("$seq", routed.Sequence)).ExecuteNonQueryAsync(cancellationToken);
                }

                // Handed over the moment the commit is done, before the relay's own continuation gets a thread.
                scope.OnCommitted(() =>
                {
                    foreach (var (mailbox, message) in handed)
                    {
                        mailbox.Deliver(message);
                    }
                });
                return true;
            }, cancellationToken);
        }
        catch
        {
            // Nothing was committed: the room reserved for handed messages is free again.
            foreach (var mailbox in reserved)
            {
                mailbox.Release();
            }

            throw;
        }

        return stored;
    }
}
