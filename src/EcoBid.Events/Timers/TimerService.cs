using EcoBid.Events.Envelope;
using EcoBid.Events.Monitoring;
using EcoBid.Events.Scheduling;
using EcoBid.Events.Signals;
using EcoBid.Events.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EcoBid.Events.Timers;

/// <summary>
/// Fires due timers: in one transaction it removes each due timer and publishes its event to the outbox, so a timer
/// fires exactly once, even across a kill -9. It sleeps until the earliest due time (or until a new timer wakes it),
/// so a timer fires within milliseconds of its time; timers that fell due while the server was down fire at start.
/// A recurring schedule is a timer that, when it fires, sets the next one from the current time: after an outage it
/// fires once to catch up, not once per missed slot.
/// </summary>
public sealed partial class TimerService(
    IEventDatabase database,
    ITimerStore timers,
    ScheduleSet schedules,
    RuntimeSignals signals,
    RuntimeMonitor monitor,
    TimeProvider clock,
    IOptions<RuntimeOptions> options,
    ILogger<TimerService> logger) : BackgroundService
{
    private const int BatchSize = 256;

    /// <summary>Brings the stored schedules in line with the schedules file.</summary>
    public Task RegisterSchedulesAsync(CancellationToken cancellationToken) =>
        database.WriteAsync(async scope =>
        {
            await timers.RemoveSchedulesExceptAsync(scope, [.. schedules.Schedules.Select(s => s.Name)]);
            foreach (var schedule in schedules.Schedules)
            {
                var state = await timers.FindScheduleAsync(scope, schedule.Name);
                if (state is not null && state.Definition == schedule.Fingerprint)
                {
                    continue; // keep its pending timer, even one that fell due while the server was down
                }

                var fresh = new ScheduleState(schedule.Name, schedule.Fingerprint, scope.Now, null);
                await timers.SaveScheduleAsync(scope, fresh);
                await timers.CancelAsync(scope, ScheduledEvents.TimerKey(schedule.Name));
                await ScheduleNextAsync(scope, schedule, fresh, scope.Now);
            }

            return true;
        }, cancellationToken);

    /// <summary>Fires every timer due now; returns how many fired.</summary>
    public async Task<int> FireDueAsync(CancellationToken cancellationToken)
    {
        var fired = await database.WriteAsync(async scope =>
        {
            var due = await timers.TakeDueAsync(scope, scope.Now, BatchSize);
            foreach (var timer in due)
            {
                if (timer.Schedule is { } name && schedules.Find(name) is { } schedule)
                {
                    await FireScheduleAsync(scope, schedule, timer);
                }
                else
                {
                    await scope.PublishAsync(EventEnvelope.FromJson(timer.EnvelopeJson) with { Time = timer.DueAt });
                }
            }

            return due;
        }, cancellationToken);

        var now = clock.GetUtcNow();
        foreach (var timer in fired)
        {
            monitor.Record(new RuntimeActivity(RuntimeActivityKind.TimerFired, timer.Key, timer.Schedule, now), now - timer.DueAt);
        }

        return fired.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RegisterSchedulesAsync(stoppingToken);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            LogFailed(logger, ex);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await FireDueAsync(stoppingToken) == BatchSize)
                {
                    continue;
                }

                var next = await timers.NextDueAtAsync(stoppingToken);
                var wait = next is null ? options.Value.IdleRecheck : next.Value - clock.GetUtcNow();
                await signals.Timers.WaitAsync(wait < options.Value.IdleRecheck ? wait : options.Value.IdleRecheck, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogFailed(logger, ex);
                await Task.Delay(TimeSpan.FromSeconds(1), clock, stoppingToken);
            }
        }
    }

    private async Task FireScheduleAsync(IWriteScope scope, ScheduleDefinition schedule, ScheduledTimer timer)
    {
        await scope.PublishAsync(EventEnvelope.FromJson(timer.EnvelopeJson));
        var state = await timers.FindScheduleAsync(scope, schedule.Name) ?? new ScheduleState(schedule.Name, schedule.Fingerprint, timer.DueAt, null);
        state = state with { LastFiredAt = timer.DueAt };
        await timers.SaveScheduleAsync(scope, state);

        // The next fire is after now, not after the slot that fired: missed slots collapse into this one fire.
        await ScheduleNextAsync(scope, schedule, state, scope.Now > timer.DueAt ? scope.Now : timer.DueAt);
    }

    private async Task ScheduleNextAsync(IWriteScope scope, ScheduleDefinition schedule, ScheduleState state, DateTimeOffset after)
    {
        if (schedule.NextAfter(after, state.AnchorAt) is { } next)
        {
            var envelope = ScheduledEvents.Create(schedule, next);
            await timers.ScheduleAsync(scope, new ScheduledTimer(ScheduledEvents.TimerKey(schedule.Name), next, envelope.ToJson(), schedule.Name));
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The timer service failed; it retries in a second")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
