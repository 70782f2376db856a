using EcoBid.Events.Outbox;
using Microsoft.Data.Sqlite;

namespace EcoBid.Events.Sqlite;

/// <summary>
/// Outbox, archive and queues share one file, so a dispatch — archive, enqueue on every target, remove from the
/// outbox — is one transaction: an event is never half-dispatched, and never dispatched twice.
/// </summary>
public sealed class SqliteOutboxStore(SqliteDatabase database) : IOutboxStore
{
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
            var connection = (SqliteConnection)scope.Connection;
            var now = scope.Now.ToUnixTimeMilliseconds();
            await using var archive = connection.CreateCommand();
            archive.Transaction = (SqliteTransaction)scope.Transaction;
            archive.CommandText = """
                INSERT INTO event_archive (event_id, source, detail_type, event_time, envelope, archived_at)
                VALUES ($id, $source, $type, $time, $envelope, $now) ON CONFLICT (event_id) DO NOTHING
                """;
            var archiveId = archive.Parameters.Add("$id", SqliteType.Text);
            var archiveSource = archive.Parameters.Add("$source", SqliteType.Text);
            var archiveType = archive.Parameters.Add("$type", SqliteType.Text);
            var archiveTime = archive.Parameters.Add("$time", SqliteType.Integer);
            var archiveEnvelope = archive.Parameters.Add("$envelope", SqliteType.Text);
            archive.Parameters.AddWithValue("$now", now);

            await using var enqueue = connection.CreateCommand();
            enqueue.Transaction = archive.Transaction;
            enqueue.CommandText = """
                INSERT INTO queue_messages (queue, event_id, message_key, body, enqueued_at, visible_at)
                VALUES ($queue, $id, $id, $body, $now, $now)
                """;
            var queueName = enqueue.Parameters.Add("$queue", SqliteType.Text);
            var messageId = enqueue.Parameters.Add("$id", SqliteType.Text);
            var body = enqueue.Parameters.Add("$body", SqliteType.Text);
            enqueue.Parameters.AddWithValue("$now", now);

            // Only the dispatched entries leave the outbox: an entry this batch does not hold has been neither
            // archived nor enqueued, and removing it would lose its event.
            await using var remove = connection.CreateCommand();
            remove.Transaction = archive.Transaction;
            remove.CommandText = "DELETE FROM outbox WHERE seq = $seq";
            var sequence = remove.Parameters.Add("$seq", SqliteType.Integer);

            foreach (var routed in events)
            {
                archiveId.Value = routed.EventId;
                archiveSource.Value = routed.Source;
                archiveType.Value = routed.DetailType;
                archiveTime.Value = routed.Time.ToUnixTimeMilliseconds();
                archiveEnvelope.Value = routed.EnvelopeJson;
                await archive.ExecuteNonQueryAsync(cancellationToken);
                foreach (var target in routed.Targets)
                {
                    queueName.Value = target;
                    messageId.Value = routed.EventId;
                    body.Value = routed.EnvelopeJson;
                    await enqueue.ExecuteNonQueryAsync(cancellationToken);
                }

                sequence.Value = routed.Sequence;
                await remove.ExecuteNonQueryAsync(cancellationToken);
            }

            return true;
        }, cancellationToken);
    }
}
