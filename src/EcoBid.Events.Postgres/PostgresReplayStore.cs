using System.Data.Common;
using System.Text.Json;
using EcoBid.Events.Archive;
using EcoBid.Events.Storage;
using Npgsql;

namespace EcoBid.Events.Postgres;

/// <summary>The <c>replays</c> table; the runner's advance is one conditional update, so two runners never both advance.</summary>
public sealed class PostgresReplayStore(PostgresDatabase database) : IReplayStore
{
    private const string Columns = """
        name, event_from, event_to, event_pattern, targets, state, total, scanned, matched, delivered,
        last_time, last_seq, created_at, started_at, finished_at, error
        """;

    public Task<bool> TryAddAsync(ReplayDefinition definition, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return database.WriteAsync(async scope =>
        {
            await using var command = PostgresCommands.Create(
                scope,
                """
                INSERT INTO replays (name, event_from, event_to, event_pattern, targets, state, created_at)
                VALUES (@name, @from, @to, @pattern, @targets, 'pending', @now)
                ON CONFLICT (name) DO NOTHING
                """,
                ("name", definition.Name), ("from", definition.From), ("to", definition.To), ("pattern", definition.EventPattern),
                ("targets", definition.Targets is null ? null : JsonSerializer.Serialize(definition.Targets)), ("now", now));
            return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
        }, cancellationToken);
    }

    public async Task<Replay?> FindAsync(string name, CancellationToken cancellationToken) =>
        (await QueryAsync("WHERE name = @name", ("name", name), 1, cancellationToken)).SingleOrDefault();

    public Task<IReadOnlyList<Replay>> ListAsync(CancellationToken cancellationToken) =>
        QueryAsync("ORDER BY created_at DESC, created_order DESC", null, int.MaxValue, cancellationToken);

    public async Task<Replay?> NextActiveAsync(CancellationToken cancellationToken) =>
        (await QueryAsync("WHERE state IN ('running', 'pending') ORDER BY state = 'running' DESC, created_at, created_order", null, 1, cancellationToken)).SingleOrDefault();

    public Task<bool> TryBeginAsync(string name, long total, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WriteAsync(async scope =>
        {
            await using var command = PostgresCommands.Create(
                scope,
                "UPDATE replays SET state = 'running', total = @total, started_at = @now WHERE name = @name AND state = 'pending'",
                ("name", name), ("total", total), ("now", now));
            return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
        }, cancellationToken);

    public async Task<bool> TryAdvanceAsync(IWriteScope scope, string name, ArchivePosition? expected, ReplayAdvance advance)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(advance);
        await using var command = PostgresCommands.Create(
            scope,
            """
            UPDATE replays
            SET scanned = scanned + @scanned, matched = matched + @matched, delivered = delivered + @delivered,
                last_time = @time, last_seq = @seq,
                state = CASE WHEN @finished THEN 'completed' ELSE state END,
                finished_at = CASE WHEN @finished THEN @now ELSE finished_at END
            WHERE name = @name AND state = 'running'
              AND last_time IS NOT DISTINCT FROM @expectedTime AND last_seq IS NOT DISTINCT FROM @expectedSeq
            """,
            ("name", name), ("scanned", (long)advance.Scanned), ("matched", (long)advance.Matched), ("delivered", (long)advance.Delivered),
            ("time", TypedTime(advance.Position?.Time)), ("seq", TypedLong(advance.Position?.Sequence)), ("finished", advance.Finished), ("now", scope.Now),
            ("expectedTime", TypedTime(expected?.Time)), ("expectedSeq", TypedLong(expected?.Sequence)));
        return await command.ExecuteNonQueryAsync(scope.CancellationToken) == 1;
    }

    public async Task<Replay?> CancelAsync(string name, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await database.WriteAsync(async scope =>
        {
            await using var command = PostgresCommands.Create(
                scope,
                "UPDATE replays SET state = 'cancelled', finished_at = @now WHERE name = @name AND state IN ('pending', 'running')",
                ("name", name), ("now", now));
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);
        return await FindAsync(name, cancellationToken);
    }

    public Task FailAsync(string name, string reason, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WriteAsync(async scope =>
        {
            await using var command = PostgresCommands.Create(
                scope,
                "UPDATE replays SET state = 'failed', error = @error, finished_at = @now WHERE name = @name AND state IN ('pending', 'running')",
                ("name", name), ("error", reason), ("now", now));
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    // A null compared with IS NOT DISTINCT FROM still needs a type, or PostgreSQL cannot tell what it is.
    private static NpgsqlParameterValue TypedTime(DateTimeOffset? time) => new(time, NpgsqlTypes.NpgsqlDbType.TimestampTz);

    private static NpgsqlParameterValue TypedLong(long? value) => new(value, NpgsqlTypes.NpgsqlDbType.Bigint);

    private Task<IReadOnlyList<Replay>> QueryAsync(string tail, (string Name, object Value)? parameter, int max, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<Replay>>(async connection =>
        {
            await using var command = PostgresCommands.Create((NpgsqlConnection)connection, $"SELECT {Columns} FROM replays {tail} LIMIT @max", ("max", max));
            if (parameter is var (name, value))
            {
                command.Parameters.AddWithValue(name, value);
            }

            var replays = new List<Replay>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                replays.Add(Read(reader));
            }

            return replays;
        }, cancellationToken);

    private static Replay Read(DbDataReader row)
    {
        var definition = new ReplayDefinition(
            row.GetString(0),
            PostgresValues.Time(row, 1),
            PostgresValues.Time(row, 2),
            row.IsDBNull(3) ? null : row.GetString(3),
            row.IsDBNull(4) ? null : JsonSerializer.Deserialize<List<string>>(row.GetString(4)));
        var position = row.IsDBNull(10) ? (ArchivePosition?)null : new ArchivePosition(PostgresValues.Time(row, 10), row.GetInt64(11));
        return new Replay(
            definition,
            ReplayStateNames.Parse(row.GetString(5)),
            row.GetInt64(6),
            row.GetInt64(7),
            row.GetInt64(8),
            row.GetInt64(9),
            position,
            PostgresValues.Time(row, 12),
            PostgresValues.NullableTime(row, 13),
            PostgresValues.NullableTime(row, 14),
            row.IsDBNull(15) ? null : row.GetString(15));
    }
}
