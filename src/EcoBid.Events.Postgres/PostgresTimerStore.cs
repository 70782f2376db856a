using System.Data.Common;
using EcoBid.Events.Signals;
using EcoBid.Events.Storage;
using EcoBid.Events.Timers;
using Npgsql;

namespace EcoBid.Events.Postgres;

/// <summary>
/// Durable timers. Taking due timers deletes rows locked with <c>FOR UPDATE SKIP LOCKED</c>, so timer services on
/// several workers take disjoint timers and each timer fires once, whichever worker takes it.
/// </summary>
public sealed class PostgresTimerStore(PostgresDatabase database, RuntimeSignals signals) : ITimerStore
{
    private const string TimerColumns = "key, due_at, envelope, schedule";
    private const string ScheduleColumns = "name, definition, anchor_at, last_fired_at";

    public async Task ScheduleAsync(IWriteScope scope, ScheduledTimer timer)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(timer);
        await using var command = PostgresCommands.Create(
            scope,
            """
            INSERT INTO timers (key, due_at, envelope, schedule, created_at) VALUES (@key, @due, @envelope, @schedule, @now)
            ON CONFLICT (key) DO UPDATE SET due_at = excluded.due_at, envelope = excluded.envelope, schedule = excluded.schedule
            """,
            ("key", timer.Key), ("due", timer.DueAt), ("envelope", timer.EnvelopeJson), ("schedule", timer.Schedule), ("now", scope.Now));
        await command.ExecuteNonQueryAsync(scope.CancellationToken);
        scope.OnCommitted(signals.Timers.Set);
    }

    public async Task<bool> CancelAsync(IWriteScope scope, string key)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var command = PostgresCommands.Create(scope, "DELETE FROM timers WHERE key = @key", ("key", key));
        return await command.ExecuteNonQueryAsync(scope.CancellationToken) > 0;
    }

    public async Task<IReadOnlyList<ScheduledTimer>> TakeDueAsync(IWriteScope scope, DateTimeOffset now, int max)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var command = PostgresCommands.Create(
            scope,
            $"""
            DELETE FROM timers WHERE key IN (
                SELECT key FROM timers WHERE due_at <= @now ORDER BY due_at LIMIT @max FOR UPDATE SKIP LOCKED)
            RETURNING {TimerColumns}
            """,
            ("now", now), ("max", max));
        var timers = await ReadTimersAsync(command, scope.CancellationToken);
        return [.. timers.OrderBy(t => t.DueAt)];
    }

    public Task<DateTimeOffset?> NextDueAtAsync(CancellationToken cancellationToken) =>
        database.ReadAsync(async connection =>
        {
            await using var command = PostgresCommands.Create((NpgsqlConnection)connection, "SELECT MIN(due_at) FROM timers");
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            return PostgresValues.NullableTime(reader, 0);
        }, cancellationToken);

    public Task<IReadOnlyList<ScheduledTimer>> ListAsync(int max, CancellationToken cancellationToken) =>
        database.ReadAsync(async connection =>
        {
            await using var command = PostgresCommands.Create((NpgsqlConnection)connection, $"SELECT {TimerColumns} FROM timers ORDER BY due_at LIMIT @max", ("max", max));
            return await ReadTimersAsync(command, cancellationToken);
        }, cancellationToken);

    public async Task<ScheduleState?> FindScheduleAsync(IWriteScope scope, string name)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var command = PostgresCommands.Create(scope, $"SELECT {ScheduleColumns} FROM schedules WHERE name = @name", ("name", name));
        return (await ReadSchedulesAsync(command, scope.CancellationToken)).SingleOrDefault();
    }

    public async Task SaveScheduleAsync(IWriteScope scope, ScheduleState state)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(state);
        await using var command = PostgresCommands.Create(
            scope,
            """
            INSERT INTO schedules (name, definition, anchor_at, last_fired_at) VALUES (@name, @definition, @anchor, @last)
            ON CONFLICT (name) DO UPDATE SET definition = excluded.definition, anchor_at = excluded.anchor_at, last_fired_at = excluded.last_fired_at
            """,
            ("name", state.Name), ("definition", state.Definition), ("anchor", state.AnchorAt), ("last", state.LastFiredAt));
        await command.ExecuteNonQueryAsync(scope.CancellationToken);
    }

    public async Task<int> RemoveSchedulesExceptAsync(IWriteScope scope, IReadOnlyCollection<string> names)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(names);
        var keep = names.ToArray();
        await using (var timers = PostgresCommands.Create(scope, "DELETE FROM timers WHERE schedule IS NOT NULL AND NOT (schedule = ANY(@keep))", ("keep", keep)))
        {
            await timers.ExecuteNonQueryAsync(scope.CancellationToken);
        }

        await using var schedules = PostgresCommands.Create(scope, "DELETE FROM schedules WHERE NOT (name = ANY(@keep))", ("keep", keep));
        return await schedules.ExecuteNonQueryAsync(scope.CancellationToken);
    }

    public Task<IReadOnlyList<ScheduleState>> ListSchedulesAsync(CancellationToken cancellationToken) =>
        database.ReadAsync(async connection =>
        {
            await using var command = PostgresCommands.Create((NpgsqlConnection)connection, $"SELECT {ScheduleColumns} FROM schedules ORDER BY name");
            return await ReadSchedulesAsync(command, cancellationToken);
        }, cancellationToken);

    private static async Task<IReadOnlyList<ScheduledTimer>> ReadTimersAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var timers = new List<ScheduledTimer>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            timers.Add(new ScheduledTimer(reader.GetString(0), PostgresValues.Time(reader, 1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
        }

        return timers;
    }

    private static async Task<IReadOnlyList<ScheduleState>> ReadSchedulesAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var states = new List<ScheduleState>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            states.Add(new ScheduleState(reader.GetString(0), reader.GetString(1), PostgresValues.Time(reader, 2), PostgresValues.NullableTime(reader, 3)));
        }

        return states;
    }
}
