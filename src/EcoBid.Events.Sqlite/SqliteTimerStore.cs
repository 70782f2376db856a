using Dapper;
using EcoBid.Events.Signals;
using EcoBid.Events.Storage;
using EcoBid.Events.Timers;

namespace EcoBid.Events.Sqlite;

public sealed class SqliteTimerStore(SqliteDatabase database, RuntimeSignals signals) : ITimerStore
{
    public async Task ScheduleAsync(IWriteScope scope, ScheduledTimer timer)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(timer);
        await scope.Connection.ExecuteAsync(
            """
            INSERT INTO timers (key, due_at, envelope, schedule, created_at) VALUES (@key, @due, @envelope, @schedule, @now)
            ON CONFLICT (key) DO UPDATE SET due_at = excluded.due_at, envelope = excluded.envelope, schedule = excluded.schedule
            """,
            new { key = timer.Key, due = timer.DueAt.ToUnixTimeMilliseconds(), envelope = timer.EnvelopeJson, schedule = timer.Schedule, now = scope.Now.ToUnixTimeMilliseconds() },
            scope.Transaction);
        scope.OnCommitted(signals.Timers.Set);
    }

    public async Task<bool> CancelAsync(IWriteScope scope, string key)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return await scope.Connection.ExecuteAsync("DELETE FROM timers WHERE key = @key", new { key }, scope.Transaction) > 0;
    }

    public async Task<IReadOnlyList<ScheduledTimer>> TakeDueAsync(IWriteScope scope, DateTimeOffset now, int max)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var rows = await scope.Connection.QueryAsync<TimerRow>(
            "DELETE FROM timers WHERE key IN (SELECT key FROM timers WHERE due_at <= @now ORDER BY due_at LIMIT @max) RETURNING key, due_at AS DueAt, envelope, schedule",
            new { now = now.ToUnixTimeMilliseconds(), max },
            scope.Transaction);
        return [.. rows.Select(r => r.ToTimer()).OrderBy(t => t.DueAt)];
    }

    public Task<DateTimeOffset?> NextDueAtAsync(CancellationToken cancellationToken) =>
        database.ReadAsync(async connection =>
        {
            var due = await connection.ExecuteScalarAsync<long?>("SELECT MIN(due_at) FROM timers");
            return due is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : (DateTimeOffset?)null;
        }, cancellationToken);

    public Task<IReadOnlyList<ScheduledTimer>> ListAsync(int max, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<ScheduledTimer>>(async connection =>
            [.. (await connection.QueryAsync<TimerRow>("SELECT key, due_at AS DueAt, envelope, schedule FROM timers ORDER BY due_at LIMIT @max", new { max })).Select(r => r.ToTimer())],
            cancellationToken);

    public async Task<ScheduleState?> FindScheduleAsync(IWriteScope scope, string name)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var row = await scope.Connection.QuerySingleOrDefaultAsync<ScheduleRow>(
            "SELECT name, definition, anchor_at AS AnchorAt, last_fired_at AS LastFiredAt FROM schedules WHERE name = @name", new { name }, scope.Transaction);
        return row?.ToState();
    }

    public async Task SaveScheduleAsync(IWriteScope scope, ScheduleState state)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(state);
        await scope.Connection.ExecuteAsync(
            """
            INSERT INTO schedules (name, definition, anchor_at, last_fired_at) VALUES (@name, @definition, @anchor, @last)
            ON CONFLICT (name) DO UPDATE SET definition = excluded.definition, anchor_at = excluded.anchor_at, last_fired_at = excluded.last_fired_at
            """,
            new { name = state.Name, definition = state.Definition, anchor = state.AnchorAt.ToUnixTimeMilliseconds(), last = state.LastFiredAt?.ToUnixTimeMilliseconds() },
            scope.Transaction);
    }

    public async Task<int> RemoveSchedulesExceptAsync(IWriteScope scope, IReadOnlyCollection<string> names)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var stale = (await scope.Connection.QueryAsync<string>("SELECT name FROM schedules", transaction: scope.Transaction))
            .Where(name => !names.Contains(name)).ToList();
        foreach (var name in stale)
        {
            await scope.Connection.ExecuteAsync("DELETE FROM schedules WHERE name = @name; DELETE FROM timers WHERE schedule = @name", new { name }, scope.Transaction);
        }

        return stale.Count;
    }

    public Task<IReadOnlyList<ScheduleState>> ListSchedulesAsync(CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<ScheduleState>>(async connection =>
            [.. (await connection.QueryAsync<ScheduleRow>("SELECT name, definition, anchor_at AS AnchorAt, last_fired_at AS LastFiredAt FROM schedules ORDER BY name")).Select(r => r.ToState())],
            cancellationToken);

    private sealed record TimerRow(string Key, long DueAt, string Envelope, string? Schedule)
    {
        public ScheduledTimer ToTimer() => new(Key, DateTimeOffset.FromUnixTimeMilliseconds(DueAt), Envelope, Schedule);
    }

    private sealed record ScheduleRow(string Name, string Definition, long AnchorAt, long? LastFiredAt)
    {
        public ScheduleState ToState() => new(
            Name, Definition, DateTimeOffset.FromUnixTimeMilliseconds(AnchorAt),
            LastFiredAt is { } last ? DateTimeOffset.FromUnixTimeMilliseconds(last) : null);
    }
}
