using EcoBid.Events.Queues;
using EcoBid.Events.Rules;
using EcoBid.Events.Signals;
using EcoBid.Events.Storage;
using Microsoft.Data.Sqlite;

namespace EcoBid.Events.Sqlite;

/// <summary>
/// SQS semantics on a table. A dead-letter queue is the source queue's name with <see cref="DeadLetterSuffix"/>;
/// its messages keep the source queue's name so they can be redriven.
/// </summary>
public sealed class SqliteMessageQueue(SqliteDatabase database, RuntimeSignals signals) : IMessageQueue
{
    public const string DeadLetterSuffix = ".dlq";
    private const long Never = long.MaxValue;

    // Both look only at the batch a receive would take (the first visible messages in queue order), so their cost does
    // not grow with the backlog. A message past its receive limit is moved when it comes to be received, as on SQS;
    // the receive skips any such message beyond the window the expiry looked at (it is moved on a later receive).
    private const string Expire = """
        UPDATE queue_messages
        SET queue = $dlq, source_queue = $queue, dead_lettered_at = $now, visible_at = $never, in_flight = 0,
            last_error = COALESCE(last_error || ' | ', '') || 'visibility timeout expired on the last allowed receive'
        WHERE id IN (SELECT id FROM queue_messages WHERE queue = $queue AND visible_at <= $now ORDER BY visible_at, id LIMIT $batch)
          AND receive_count >= $max
        RETURNING id, event_id, message_key, body, receive_count, enqueued_at, last_error
        """;

    private const string Receive = """
        UPDATE queue_messages
        SET receive_count = receive_count + 1, visible_at = $until, in_flight = 1
        WHERE id IN (
            SELECT id FROM queue_messages
            WHERE queue = $queue AND visible_at <= $now AND receive_count < $max
            ORDER BY visible_at, id LIMIT $batch)
        RETURNING id, event_id, message_key, body, receive_count, enqueued_at
        """;

    // Like a release or a dead letter, an acknowledgement answers one receive: a handler that outlived its visibility
    // timeout deletes nothing once the message was received again or moved to the dead letters (as SQS refuses a
    // stale receipt handle); the inbox keeps the later handling from taking effect twice.
    private const string Acknowledge = "DELETE FROM queue_messages WHERE id = $id AND queue = $queue AND receive_count = $count";

    // Release and dead-letter match the receive they answer (id, queue and receive count), like an SQS receipt handle.
    private const string Release = """
        UPDATE queue_messages SET visible_at = $visible, in_flight = 0, last_error = $error
        WHERE id = $id AND queue = $queue AND receive_count = $count
        """;

    private const string DeadLetter = """
        UPDATE queue_messages
        SET queue = $dlq, source_queue = $queue, dead_lettered_at = $now, visible_at = $never, in_flight = 0, last_error = $error
        WHERE id = $id AND queue = $queue AND receive_count = $count
        """;

    public Task<IReadOnlyList<QueueMessage>> ReceiveAsync(string queue, QueueSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return database.WriteAsync(scope => ReceiveInAsync(SqliteWriteScope.Of(scope), queue, settings), cancellationToken);
    }

    public async Task<IReadOnlyList<QueueMessage>?> ReceiveAsync(IWriteScope scope, string queue, QueueSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return await ReceiveInAsync(SqliteWriteScope.Of(scope), queue, settings);
    }

    public async Task AcknowledgeAsync(IWriteScope scope, QueueMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var sqlite = SqliteWriteScope.Of(scope);
        await sqlite.Prepared(Acknowledge, ("$id", message.Id), ("$queue", message.Queue), ("$count", message.ReceiveCount)).ExecuteNonQueryAsync(sqlite.CancellationToken);
    }

    public async Task EnqueueAsync(IWriteScope scope, string queue, string eventId, string messageKey, string body)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var now = scope.Now.ToUnixTimeMilliseconds();
        await using var command = scope.Command(
            """
            INSERT INTO queue_messages (queue, event_id, message_key, body, enqueued_at, visible_at)
            VALUES ($queue, $eventId, $key, $body, $now, $now)
            """,
            ("$queue", queue), ("$eventId", eventId), ("$key", messageKey), ("$body", body), ("$now", now));
        await command.ExecuteNonQueryAsync(scope.CancellationToken);
    }

    public async Task ReleaseAsync(IWriteScope scope, QueueMessage message, TimeSpan delay, string reason)
    {
        ArgumentNullException.ThrowIfNull(message);
        var sqlite = SqliteWriteScope.Of(scope);
        var command = sqlite.Prepared(Release, ("$visible", sqlite.Now.Add(delay).ToUnixTimeMilliseconds()), ("$error", reason), ("$id", message.Id),
            ("$queue", message.Queue), ("$count", message.ReceiveCount));
        await command.ExecuteNonQueryAsync(sqlite.CancellationToken);
    }

    public async Task<bool> DeadLetterAsync(IWriteScope scope, QueueMessage message, string reason)
    {
        ArgumentNullException.ThrowIfNull(message);
        var sqlite = SqliteWriteScope.Of(scope);
        var command = sqlite.Prepared(
            DeadLetter,
            ("$dlq", message.Queue + DeadLetterSuffix), ("$queue", message.Queue), ("$now", sqlite.Now.ToUnixTimeMilliseconds()),
            ("$never", Never), ("$error", reason), ("$id", message.Id), ("$count", message.ReceiveCount));
        return await command.ExecuteNonQueryAsync(sqlite.CancellationToken) == 1;
    }

    public async Task DeadLetterNewAsync(IWriteScope scope, string queue, string eventId, string messageKey, string body, string reason)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var now = scope.Now.ToUnixTimeMilliseconds();
        await using var command = scope.Command(
            """
            INSERT INTO queue_messages (queue, source_queue, event_id, message_key, body, enqueued_at, visible_at, dead_lettered_at, last_error)
            VALUES ($dlq, $queue, $eventId, $key, $body, $now, $never, $now, $error)
            """,
            ("$dlq", queue + DeadLetterSuffix), ("$queue", queue), ("$eventId", eventId), ("$key", messageKey), ("$body", body), ("$now", now),
            ("$never", Never), ("$error", reason));
        await command.ExecuteNonQueryAsync(scope.CancellationToken);
    }

    public Task<DateTimeOffset?> NextVisibleAtAsync(string queue, CancellationToken cancellationToken) =>
        database.ReadAsync<DateTimeOffset?>(async connection =>
        {
            await using var command = (SqliteCommand)connection.CreateCommand();
            command.CommandText = "SELECT MIN(visible_at) FROM queue_messages WHERE queue = $queue";
            command.Parameters.AddWithValue("$queue", queue);
            var value = await command.ExecuteScalarAsync(cancellationToken);
            return value is long ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
        }, cancellationToken);

    public Task<IReadOnlyList<QueueStats>> GetStatsAsync(CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<QueueStats>>(async connection =>
        {
            await using var command = (SqliteCommand)connection.CreateCommand();
            command.CommandText = """
                SELECT COALESCE(source_queue, queue) AS name,
                       SUM(dead_lettered_at IS NULL AND visible_at <= $now),
                       SUM(dead_lettered_at IS NULL AND visible_at > $now AND in_flight = 1),
                       SUM(dead_lettered_at IS NULL AND visible_at > $now AND in_flight = 0),
                       SUM(dead_lettered_at IS NOT NULL),
                       MIN(CASE WHEN dead_lettered_at IS NULL THEN enqueued_at END)
                FROM queue_messages
                GROUP BY name
                ORDER BY name
                """;
            command.Parameters.AddWithValue("$now", database.Clock.GetUtcNow().ToUnixTimeMilliseconds());
            var stats = new List<QueueStats>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                stats.Add(new QueueStats(
                    reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4),
                    reader.IsDBNull(5) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5))));
            }

            return stats;
        }, cancellationToken);

    public Task<IReadOnlyList<DeadLetter>> ListDeadLettersAsync(string queue, int max, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<DeadLetter>>(async connection =>
        {
            await using var command = (SqliteCommand)connection.CreateCommand();
            command.CommandText = """
                SELECT id, source_queue, event_id, message_key, receive_count, last_error, enqueued_at, dead_lettered_at, body
                FROM queue_messages WHERE queue = $dlq ORDER BY id LIMIT $max
                """;
            command.Parameters.AddWithValue("$dlq", queue + DeadLetterSuffix);
            command.Parameters.AddWithValue("$max", max);
            var letters = new List<DeadLetter>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                letters.Add(new DeadLetter(
                    reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4),
                    reader.IsDBNull(5) ? null : reader.GetString(5),
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6)),
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(7)),
                    reader.GetString(8)));
            }

            return letters;
        }, cancellationToken);

    public async Task<int> RedriveAsync(string queue, IReadOnlyCollection<long>? ids, int max, CancellationToken cancellationToken)
    {
        var moved = await database.WriteAsync(async scope =>
        {
            var filter = ids is null ? string.Empty : $"AND id IN ({string.Join(',', ids.Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture)))})";
            await using var command = scope.Command(
                $"""
                UPDATE queue_messages
                SET queue = source_queue, source_queue = NULL, dead_lettered_at = NULL, receive_count = 0, in_flight = 0,
                    visible_at = $now, enqueued_at = $now
                WHERE id IN (SELECT id FROM queue_messages WHERE queue = $dlq {filter} ORDER BY id LIMIT $max)
                """,
                ("$dlq", queue + DeadLetterSuffix), ("$now", scope.Now.ToUnixTimeMilliseconds()), ("$max", max));
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);
        if (moved > 0)
        {
            signals.Queue(queue).Set();
        }

        return moved;
    }

    public Task<int> PurgeDeadLettersAsync(string queue, CancellationToken cancellationToken) =>
        database.WriteAsync(async scope =>
        {
            await using var command = scope.Command("DELETE FROM queue_messages WHERE queue = $dlq", ("$dlq", queue + DeadLetterSuffix));
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    /// <summary>Makes every in-flight message visible again (used at start-up by the process that owns the file).</summary>
    public Task<int> ReleaseInFlightAsync(CancellationToken cancellationToken) =>
        database.WriteAsync(async scope =>
        {
            await using var command = scope.Command(
                "UPDATE queue_messages SET visible_at = $now, in_flight = 0 WHERE in_flight = 1 AND dead_lettered_at IS NULL",
                ("$now", scope.Now.ToUnixTimeMilliseconds()));
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    private static async Task<IReadOnlyList<QueueMessage>> ReceiveInAsync(SqliteWriteScope scope, string queue, QueueSettings settings)
    {
        var now = scope.Now.ToUnixTimeMilliseconds();

        // SQS moves a message whose receive count has reached the limit to the DLQ when it would be received
        // again: this catches messages whose handler never returned (the process died while handling them). The move
        // is announced as a consumer's dead letter is (ErrorOccurred), in the same transaction.
        var expire = scope.Prepared(
            Expire,
            ("$dlq", queue + DeadLetterSuffix), ("$queue", queue), ("$now", now), ("$never", Never), ("$batch", settings.BatchSize),
            ("$max", settings.MaxReceiveCount));
        var expired = new List<(QueueMessage Message, string Error)>();
        await using (var reader = await expire.ExecuteReaderAsync(scope.CancellationToken))
        {
            while (await reader.ReadAsync(scope.CancellationToken))
            {
                expired.Add((new QueueMessage(
                    reader.GetInt64(0), queue, reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4),
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5))), reader.GetString(6)));
            }
        }

        foreach (var (message, error) in expired)
        {
            if (DeadLetterEvents.ForExpired(queue, message, error, scope.Now) is { } announcement)
            {
                await scope.PublishAsync(announcement);
            }
        }

        var receive = scope.Prepared(
            Receive,
            ("$queue", queue), ("$now", now), ("$until", now + (long)settings.VisibilityTimeout.TotalMilliseconds), ("$max", settings.MaxReceiveCount),
            ("$batch", settings.BatchSize));
        var messages = new List<QueueMessage>();
        await using (var reader = await receive.ExecuteReaderAsync(scope.CancellationToken))
        {
            while (await reader.ReadAsync(scope.CancellationToken))
            {
                messages.Add(new QueueMessage(
                    reader.GetInt64(0), queue, reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4),
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5))));
            }
        }

        // RETURNING yields rows in no defined order; handle them in queue order.
        messages.Sort((a, b) => a.Id.CompareTo(b.Id));
        return messages;
    }
}
