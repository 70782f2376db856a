using System.Data.Common;
using System.Text.Json;
using EcoBid.Events.Archive;
using EcoBid.Events.Storage;
using Microsoft.Data.Sqlite;

namespace EcoBid.Events.Sqlite;

/// <summary>The <c>replays</c> table: one row per replay, its definition and its progress.</summary>
public sealed class SqliteReplayStore(SqliteDatabase database) : IReplayStore
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
            await using var command = scope.Command(
                """
                INSERT INTO replays (name, event_from, event_to, event_pattern, targets, state, created_at)
                VALUES ($name, $from, $to, $pattern, $targets, 'pending', $now)
                ON CONFLICT (name) DO NOTHING
                """,
                ("$name", definition.Name),
                ("$from", definition.From.ToUnixTimeMilliseconds()),
                ("$to", definition.To.ToUnixTimeMilliseconds()),
                ("$pattern", definition.EventPattern),
                ("$targets", definition.Targets is null ? null : JsonSerializer.Serialize(definition.Targets)),
                ("$now", now.ToUnixTimeMilliseconds()));
            return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
        }, cancellationToken);
    }

    public async Task<Replay?> FindAsync(string name, CancellationToken cancellationToken) =>
        (await QueryAsync("WHERE name = $name", ("$name", name), 1, cancellationToken)).SingleOrDefault();

    public Task<IReadOnlyList<Replay>> ListAsync(CancellationToken cancellationToken) =>
        QueryAsync("ORDER BY created_at DESC, rowid DESC", null, int.MaxValue, cancellationToken);

    public async Task<Replay?> NextActiveAsync(CancellationToken cancellationToken) =>
        (await QueryAsync("WHERE state IN ('running', 'pending') ORDER BY state = 'running' DESC, created_at, rowid", null, 1, cancellationToken)).SingleOrDefault();

    public Task<bool> TryBeginAsync(string name, long total, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WriteAsync(async scope =>
        {
            await using var command = scope.Command(
                "UPDATE replays SET state = 'running', total = $total, started_at = $now WHERE name = $name AND state = 'pending'",
                ("$name", name), ("$total", total), ("$now", now.ToUnixTimeMilliseconds()));
            return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
        }, cancellationToken);

    public async Task<bool> TryAdvanceAsync(IWriteScope scope, string name, ArchivePosition? expected, ReplayAdvance advance)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(advance);
        await using var command = scope.Command(
            """
            UPDATE replays
            SET scanned = scanned + $scanned, matched = matched + $matched, delivered = delivered + $delivered,
                last_time = $time, last_seq = $seq,
                state = CASE WHEN $finished THEN 'completed' ELSE state END,
                finished_at = CASE WHEN $finished THEN $now ELSE finished_at END
            WHERE name = $name AND state = 'running' AND last_time IS $expectedTime AND last_seq IS $expectedSeq
            """,
            ("$name", name),
            ("$scanned", advance.Scanned),
            ("$matched", advance.Matched),
            ("$delivered", advance.Delivered),
            ("$time", advance.Position?.Time.ToUnixTimeMilliseconds()),
            ("$seq", advance.Position?.Sequence),
            ("$finished", advance.Finished),
            ("$now", scope.Now.ToUnixTimeMilliseconds()),
            ("$expectedTime", expected?.Time.ToUnixTimeMilliseconds()),
            ("$expectedSeq", expected?.Sequence));
        return await command.ExecuteNonQueryAsync(scope.CancellationToken) == 1;
    }

    public async Task<Replay?> CancelAsync(string name, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await database.WriteAsync(async scope =>
        {
            await using var command = scope.Command(
                "UPDATE replays SET state = 'cancelled', finished_at = $now WHERE name = $name AND state IN ('pending', 'running')",
                ("$name", name), ("$now", now.ToUnixTimeMilliseconds()));
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);
        return await FindAsync(name, cancellationToken);
    }

    public Task FailAsync(string name, string reason, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WriteAsync(async scope =>
        {
            await using var command = scope.Command(
                "UPDATE replays SET state = 'failed', error = $error, finished_at = $now WHERE name = $name AND state IN ('pending', 'running')",
                ("$name", name), ("$error", reason), ("$now", now.ToUnixTimeMilliseconds()));
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    private Task<IReadOnlyList<Replay>> QueryAsync(string tail, (string Name, object Value)? parameter, int max, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<Replay>>(async connection =>
        {
            await using var command = (SqliteCommand)connection.CreateCommand();
            command.CommandText = $"SELECT {Columns} FROM replays {tail} LIMIT $max";
            command.Parameters.AddWithValue("$max", max);
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
            Time(row, 1)!.Value,
            Time(row, 2)!.Value,
            row.IsDBNull(3) ? null : row.GetString(3),
            row.IsDBNull(4) ? null : JsonSerializer.Deserialize<List<string>>(row.GetString(4)));
        var position = row.IsDBNull(10) ? (ArchivePosition?)null : new ArchivePosition(Time(row, 10)!.Value, row.GetInt64(11));
        return new Replay(
            definition,
            ReplayStateNames.Parse(row.GetString(5)),
            row.GetInt64(6),
            row.GetInt64(7),
            row.GetInt64(8),
            row.GetInt64(9),
            position,
            Time(row, 12)!.Value,
            Time(row, 13),
            Time(row, 14),
            row.IsDBNull(15) ? null : row.GetString(15));
    }

    private static DateTimeOffset? Time(DbDataReader row, int ordinal) =>
        row.IsDBNull(ordinal) ? null : DateTimeOffset.FromUnixTimeMilliseconds(row.GetInt64(ordinal));
}
