using Dapper;
using EcoBid.Events.Storage;
using EcoBid.Server.Events;

namespace EcoBid.Server.Alarms;

/// <summary>Reads and changes the stored alarm states; a transition commits with its event, or not at all.</summary>
public sealed class AlarmStore(IEventDatabase database)
{
    public Task EnsureAsync(IEnumerable<string> names, CancellationToken cancellationToken) =>
        database.WriteAsync(async scope =>
        {
            foreach (var name in names)
            {
                await scope.Connection.ExecuteAsync(
                    "INSERT INTO alarm_states (name, state, since) VALUES (@name, 'OK', @now) ON CONFLICT (name) DO NOTHING",
                    new { name, now = scope.Now.ToUnixTimeMilliseconds() }, scope.Transaction);
            }

            return true;
        }, cancellationToken);

    public Task<IReadOnlyList<AlarmState>> ListAsync(CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<AlarmState>>(async connection =>
            [.. (await connection.QueryAsync<StateRow>(new CommandDefinition("SELECT name, state, since, value, reason FROM alarm_states ORDER BY name", cancellationToken: cancellationToken)))
                .Select(r => new AlarmState(r.Name, r.State, DateTimeOffset.FromUnixTimeMilliseconds(r.Since), r.Value, r.Reason))], cancellationToken);

    public Task<IReadOnlyList<AlarmTransition>> RecentTransitionsAsync(int max, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<AlarmTransition>>(async connection =>
            [.. (await connection.QueryAsync<TransitionRow>(new CommandDefinition(
                    "SELECT id, name, state, value, threshold, reason, at FROM alarm_transitions ORDER BY id DESC LIMIT @max", new { max }, cancellationToken: cancellationToken)))
                .Select(r => new AlarmTransition(r.Id, r.Name, r.State, r.Value, r.Threshold, r.Reason, DateTimeOffset.FromUnixTimeMilliseconds(r.At)))], cancellationToken);

    /// <summary>
    /// Moves the alarm from <paramref name="from"/> to <paramref name="to"/> (a compare-and-set: another process may
    /// have moved it first), records the transition and publishes AlarmRaised or AlarmCleared, in one transaction.
    /// </summary>
    /// <returns>Whether this call made the transition.</returns>
    public Task<bool> TransitionAsync(AlarmDefinition alarm, AlarmState from, string to, AlarmReading reading, double threshold, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alarm);
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(reading);
        return database.WriteAsync(async scope =>
        {
            var now = scope.Now;
            var changed = await scope.Connection.ExecuteAsync(
                "UPDATE alarm_states SET state = @to, since = @now, value = @value, reason = @reason WHERE name = @name AND state = @from",
                new { to, now = now.ToUnixTimeMilliseconds(), value = reading.Value, reason = reading.Reason, name = alarm.Name, from = from.State }, scope.Transaction);
            if (changed == 0)
            {
                return false;
            }

            await scope.Connection.ExecuteAsync(
                "INSERT INTO alarm_transitions (name, state, value, threshold, reason, at) VALUES (@name, @to, @value, @threshold, @reason, @now)",
                new { name = alarm.Name, to, value = reading.Value, threshold, reason = reading.Reason, now = now.ToUnixTimeMilliseconds() }, scope.Transaction);
            if (to == AlarmState.Alarm)
            {
                await scope.PublishAsync(new Domain.Events.AlarmRaised(alarm.Name, alarm.Description, reading.Value ?? 0, threshold, alarm.Unit, reading.Reason, now));
            }
            else
            {
                await scope.PublishAsync(new Domain.Events.AlarmCleared(alarm.Name, alarm.Description, reading.Value, threshold, alarm.Unit, from.Since, now));
            }

            return true;
        }, cancellationToken);
    }

    private sealed class StateRow
    {
        public string Name { get; init; } = string.Empty;

        public string State { get; init; } = string.Empty;

        public long Since { get; init; }

        public double? Value { get; init; }

        public string? Reason { get; init; }
    }

    private sealed class TransitionRow
    {
        public long Id { get; init; }

        public string Name { get; init; } = string.Empty;

        public string State { get; init; } = string.Empty;

        public double? Value { get; init; }

        public double Threshold { get; init; }

        public string Reason { get; init; } = string.Empty;

        public long At { get; init; }
    }
}
