using EcoBid.Events.Queues;
using EcoBid.Events.Rules;
using EcoBid.Events.Signals;
using EcoBid.Events.Storage;
using Npgsql;

namespace EcoBid.Events.Postgres;

/// <summary>
/// SQS semantics on a table, for a PostgreSQL store whose queues stay in the database (<c>Queues: embedded</c>). The
/// same rows and rules as the SQLite adapter's queue, but a receive locks the rows it takes with
/// <c>FOR UPDATE SKIP LOCKED</c>, so consumers on several nodes each take messages of their own.
/// </summary>
public sealed class PostgresMessageQueue(PostgresDatabase database, RuntimeSignals signals) : IMessageQueue
{
    public const string DeadLetterSuffix = ".dlq";

    private const string Expire = """
        UPDATE queue_messages
        SET queue = @dlq, source_queue = @queue, dead_lettered_at = @now, visible_at = @never, in_flight = false,
            last_error = COALESCE(last_error || ' | ', '') || 'visibility timeout expired on the last allowed receive'
        WHERE id IN (
            SELECT id FROM queue_messages WHERE queue = @queue AND visible_at <= @now
            ORDER BY visible_at, id LIMIT @batch FOR UPDATE SKIP LOCKED)
          AND receive_count >= @max
        RETURNING id, event_id, message_key, body, receive_count, enqueued_at, last_error
        """;

    private const string Receive = """
        UPDATE queue_messages
        SET receive_count = receive_count + 1, visible_at = @until, in_flight = true
        WHERE id IN (
            SELECT id FROM queue_messages
            WHERE queue = @queue AND visible_at <= @now AND receive_count < @max
            ORDER BY visible_at, id LIMIT @batch FOR UPDATE SKIP LOCKED)
        RETURNING id, event_id, message_key, body, receive_count, enqueued_at
        """;

    // Like a release or a dead letter, an acknowledgement answers one receive: a handler that outlived its visibility
    // timeout deletes nothing once the message was received again or moved to the dead letters (as SQS refuses a
    // stale receipt handle); the inbox keeps the later handling from taking effect twice.
    private const string Acknowledge = "DELETE FROM queue_messages WHERE id = @id AND queue = @queue AND receive_count = @count";

    // Release and dead-letter match the receive they answer (id, queue and receive count), like an SQS receipt handle.
    private const string Release = """
        UPDATE queue_messages SET visible_at = @visible, in_flight = false, last_error = @error
        WHERE id = @id AND queue = @queue AND receive_count = @count
        """;

    private const string DeadLetter = """
        UPDATE queue_messages
        SET queue = @dlq, source_queue = @queue, dead_lettered_at = @now, visible_at = @never, in_flight = false, last_error = @error
        WHERE id = @id AND queue = @queue AND receive_count = @count
        """;

    public Task<IReadOnlyList<QueueMessage>> ReceiveAsync(string queue, QueueSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return database.WriteAsync(scope => ReceiveInAsync(PostgresWriteScope.Of(scope), queue, settings), cancellationToken);
    }

    public async Task<IReadOnlyList<QueueMessage>?> ReceiveAsync(IWriteScope scope, string queue, QueueSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return await ReceiveInAsync(PostgresWriteScope.Of(scope), queue, settings);
    }

    public async Task AcknowledgeAsync(IWriteScope scope, QueueMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var postgres = PostgresWriteScope.Of(scope);
        await postgres.Prepared(Acknowledge, ("id", message.Id), ("queue", message.Queue), ("count", message.ReceiveCount)).ExecuteNonQueryAsync(postgres.CancellationToken);
    }

    public async Task EnqueueAsync(IWriteScope scope, string queue, string eventId, string messageKey, string body)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var command = PostgresCommands.Create(
            scope,
            "INSERT INTO queue_messages (queue, event_id, message_key, body, enqueued_at, visible_at) VALUES (@queue, @eventId, @key, @body, @now, @now)",
            ("queue", queue), ("eventId", eventId), ("key", messageKey), ("body", body), ("now", scope.Now));
        await command.ExecuteNonQueryAsync(scope.CancellationToken);
    }

    public async Task ReleaseAsync(IWriteScope scope, QueueMessage message, TimeSpan delay, string reason)
    {
        ArgumentNullException.ThrowIfNull(message);
        var postgres = PostgresWriteScope.Of(scope);
        await postgres.Prepared(Release, ("visible", postgres.Now.Add(delay)), ("error", reason), ("id", message.Id), ("queue", message.Queue), ("count", message.ReceiveCount))
            .ExecuteNonQueryAsync(postgres.CancellationToken);
    }

    public async Task<bool> DeadLetterAsync(IWriteScope scope, QueueMessage message, string reason)
    {
        ArgumentNullException.ThrowIfNull(message);
        var postgres = PostgresWriteScope.Of(scope);
        return await postgres.Prepared(
            DeadLetter,
            ("dlq", message.Queue + DeadLetterSuffix), ("queue", message.Queue), ("now", postgres.Now), ("never", PostgresValues.Never),
            ("error", reason), ("id", message.Id), ("count", message.ReceiveCount))
            .ExecuteNonQueryAsync(postgres.CancellationToken) == 1;
    }

    public async Task DeadLetterNewAsync(IWriteScope scope, string queue, string eventId, string messageKey, string body, string reason)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var command = PostgresCommands.Create(
            scope,
            """
            INSERT INTO queue_messages (queue, source_queue, event_id, message_key, body, enqueued_at, visible_at, dead_lettered_at, last_error)
            VALUES (@dlq, @queue, @eventId, @key, @body, @now, @never, @now, @error)
            """,
            ("dlq", queue + DeadLetterSuffix), ("queue", queue), ("eventId", eventId), ("key", messageKey), ("body", body), ("now", scope.Now),
            ("never", PostgresValues.Never), ("error", reason));
        await command.ExecuteNonQueryAsync(scope.CancellationToken);
    }

    public Task<DateTimeOffset?> NextVisibleAtAsync(string queue, CancellationToken cancellationToken) =>
        database.ReadAsync<DateTimeOffset?>(async connection =>
        {
            await using var command = PostgresCommands.Create((NpgsqlConnection)connection, "SELECT MIN(visible_at) FROM queue_messages WHERE queue = @queue", ("queue", queue));
            var value = await command.ExecuteScalarAsync(cancellationToken);
            return value is DateTime time ? new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)) : value as DateTimeOffset?;
        }, cancellationToken);

    public Task<IReadOnlyList<QueueStats>> GetStatsAsync(CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<QueueStats>>(async connection =>
        {
            await using var command = PostgresCommands.Create(
                (NpgsqlConnection)connection,
                """
                SELECT COALESCE(source_queue, queue) AS name,
                       COUNT(*) FILTER (WHERE dead_lettered_at IS NULL AND visible_at <= @now),
                       COUNT(*) FILTER (WHERE dead_lettered_at IS NULL AND visible_at > @now AND in_flight),
                       COUNT(*) FILTER (WHERE dead_lettered_at IS NULL AND visible_at > @now AND NOT in_flight),
                       COUNT(*) FILTER (WHERE dead_lettered_at IS NOT NULL),
                       MIN(enqueued_at) FILTER (WHERE dead_lettered_at IS NULL)
                FROM queue_messages
                GROUP BY name
                ORDER BY name
                """,
                ("now", database.Clock.GetUtcNow()));
            var stats = new List<QueueStats>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                stats.Add(new QueueStats(
                    reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), PostgresValues.NullableTime(reader, 5)));
            }

            return stats;
        }, cancellationToken);

    public Task<IReadOnlyList<DeadLetter>> ListDeadLettersAsync(string queue, int max, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<DeadLetter>>(async connection =>
        {
            await using var command = PostgresCommands.Create(
                (NpgsqlConnection)connection,
                """
                SELECT id, source_queue, event_id, message_key, receive_count, last_error, enqueued_at, dead_lettered_at, body
                FROM queue_messages WHERE queue = @dlq ORDER BY id LIMIT @max
                """,
                ("dlq", queue + DeadLetterSuffix), ("max", max));
            var letters = new List<DeadLetter>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                letters.Add(new DeadLetter(
                    reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4),
                    reader.IsDBNull(5) ? null : reader.GetString(5), PostgresValues.Time(reader, 6), PostgresValues.Time(reader, 7), reader.GetString(8)));
            }

            return letters;
        }, cancellationToken);

    public async Task<int> RedriveAsync(string queue, IReadOnlyCollection<long>? ids, int max, CancellationToken cancellationToken)
    {
        if (ids is { Count: 0 })
        {
            return 0;
        }

        var moved = await database.WriteAsync(async scope =>
        {
            await using var command = PostgresCommands.Create(
                scope,
                """
                UPDATE queue_messages
                SET queue = source_queue, source_queue = NULL, dead_lettered_at = NULL, receive_count = 0, in_flight = false,
                    visible_at = @now, enqueued_at = @now
                WHERE id IN (
                    SELECT id FROM queue_messages WHERE queue = @dlq AND (@all OR id = ANY(@ids))
                    ORDER BY id LIMIT @max FOR UPDATE SKIP LOCKED)
                """,
                ("dlq", queue + DeadLetterSuffix), ("now", scope.Now), ("all", ids is null), ("ids", (ids ?? []).ToArray()), ("max", max));
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
            await using var command = PostgresCommands.Create(scope, "DELETE FROM queue_messages WHERE queue = @dlq", ("dlq", queue + DeadLetterSuffix));
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    private static async Task<IReadOnlyList<QueueMessage>> ReceiveInAsync(PostgresWriteScope scope, string queue, QueueSettings settings)
    {
        // As on SQS (and in the SQLite adapter), a message past its receive limit moves to the DLQ when it would be
        // received again, announced as a consumer's dead letter is (ErrorOccurred), in the same transaction.
        var expire = scope.Prepared(
            Expire,
            ("dlq", queue + DeadLetterSuffix), ("queue", queue), ("now", scope.Now), ("never", PostgresValues.Never), ("batch", settings.BatchSize),
            ("max", settings.MaxReceiveCount));
        var expired = new List<(QueueMessage Message, string Error)>();
        await using (var reader = await expire.ExecuteReaderAsync(scope.CancellationToken))
        {
            while (await reader.ReadAsync(scope.CancellationToken))
            {
                expired.Add((new QueueMessage(
                    reader.GetInt64(0), queue, reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4), PostgresValues.Time(reader, 5)),
                    reader.GetString(6)));
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
            ("queue", queue), ("now", scope.Now), ("until", scope.Now + settings.VisibilityTimeout), ("max", settings.MaxReceiveCount), ("batch", settings.BatchSize));
        var messages = new List<QueueMessage>();
        await using (var reader = await receive.ExecuteReaderAsync(scope.CancellationToken))
        {
            while (await reader.ReadAsync(scope.CancellationToken))
            {
                messages.Add(new QueueMessage(
                    reader.GetInt64(0), queue, reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4), PostgresValues.Time(reader, 5)));
            }
        }

        // RETURNING yields rows in no defined order; handle them in queue order.
        messages.Sort((a, b) => a.Id.CompareTo(b.Id));
        return messages;
    }
}
