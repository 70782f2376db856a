using EcoBid.Events.Envelope;
using EcoBid.Server.Hosting;
using Microsoft.Extensions.Options;

namespace EcoBid.Server.Alarms;

/// <summary>
/// Evaluates the alarms every <see cref="AlarmOptions.EvaluationInterval"/> (on the host's <see cref="TimeProvider"/>)
/// and moves each between OK and ALARM with hysteresis (<see cref="AlarmRuleOptions"/>). A transition is stored and
/// announced (AlarmRaised / AlarmCleared, through the outbox, to the AdminAlerts rule) in one transaction. States are
/// read back every round, so a transition another process made is adopted rather than repeated.
/// </summary>
public sealed partial class AlarmEvaluator(
    AlarmReadings readings,
    AlarmStore store,
    AlarmBoard board,
    ServerRoleOptions role,
    IOptions<AlarmOptions> options,
    TimeProvider clock,
    ILogger<AlarmEvaluator> logger) : BackgroundService
{
    private readonly Dictionary<string, Streaks> _streaks = new(StringComparer.Ordinal);

    /// <summary>The alarms this process evaluates, by its role and the configuration.</summary>
    public IReadOnlyList<AlarmDefinition> Evaluated { get; } = [.. AlarmReadings.Definitions.Where(d => options.Value.For(d.Name).Enabled && d.Scope switch
    {
        AlarmScope.Workers => role.RunsWorkers,
        AlarmScope.Api => role.ServesApi,
        _ => true,
    })];

    /// <summary>One round: reads every alarm and makes the transitions due. Returns the transitions this call made.</summary>
    public async Task<int> EvaluateAsync(CancellationToken cancellationToken)
    {
        var states = (await store.ListAsync(cancellationToken)).ToDictionary(s => s.Name, StringComparer.Ordinal);
        var made = 0;
        foreach (var alarm in Evaluated)
        {
            var rule = options.Value.For(alarm.Name);
            var reading = await readings.ReadAsync(alarm.Name, cancellationToken);
            var state = states.GetValueOrDefault(alarm.Name) ?? new AlarmState(alarm.Name, AlarmState.Ok, clock.GetUtcNow(), null, null);
            var streaks = Track(alarm.Name, state);
            var next = Next(state, reading, rule, streaks);
            if (next is not null)
            {
                // Each transition starts a chain of its own (notifications, emails) that /admin/trace can follow.
                CorrelationContext.Current = $"alarm-{alarm.Name}-{Guid.CreateVersion7():N}";
                if (await store.TransitionAsync(alarm, state, next, reading, next == AlarmState.Alarm ? rule.Threshold : rule.EffectiveClearThreshold, cancellationToken))
                {
                    made++;
                    state = state with { State = next };
                    LogTransition(logger, alarm.Name, next, reading.Reason);
                }

                streaks.Reset(state.State);
            }

            board.Record(alarm.Name, reading, state.IsAlarm, clock.GetUtcNow());
        }

        return made;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled || Evaluated.Count == 0)
        {
            return;
        }

        try
        {
            await store.EnsureAsync(Evaluated.Select(a => a.Name), stoppingToken);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            LogFailed(logger, ex);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.Value.EvaluationInterval, clock, stoppingToken);
                await EvaluateAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogFailed(logger, ex);
            }
        }
    }

    /// <summary>The state to move to after this reading, or <c>null</c> to stay.</summary>
    private static string? Next(AlarmState state, AlarmReading reading, AlarmRuleOptions rule, Streaks streaks)
    {
        if (!state.IsAlarm)
        {
            streaks.Breaching = reading.Value > rule.Threshold ? streaks.Breaching + 1 : 0;
            return streaks.Breaching >= Math.Max(1, rule.RaiseAfter) ? AlarmState.Alarm : null;
        }

        streaks.Clearing = reading.Value is null || reading.Value <= rule.EffectiveClearThreshold ? streaks.Clearing + 1 : 0;
        return streaks.Clearing >= Math.Max(1, rule.ClearAfter) ? AlarmState.Ok : null;
    }

    /// <summary>The streaks of an alarm, started afresh whenever its stored state is not the one they were counted in.</summary>
    private Streaks Track(string alarm, AlarmState state)
    {
        if (!_streaks.TryGetValue(alarm, out var streaks))
        {
            streaks = new Streaks();
            _streaks[alarm] = streaks;
        }

        if (streaks.State != state.State)
        {
            streaks.Reset(state.State);
        }

        return streaks;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alarm {Alarm} is now {State}: {Reason}")]
    private static partial void LogTransition(ILogger logger, string alarm, string state, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Evaluating the alarms failed; the next round tries again")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    private sealed class Streaks
    {
        public string State { get; private set; } = AlarmState.Ok;

        public int Breaching { get; set; }

        public int Clearing { get; set; }

        public void Reset(string state)
        {
            State = state;
            Breaching = 0;
            Clearing = 0;
        }
    }
}
