using EcoBid.Events.Timers;
using EcoBid.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace EcoBid.Server.Tests.Alarms;

/// <summary>
/// An overdue timer for real: an API-only process (no worker running the timers, as when the worker is down) holds a
/// timer past its due time. The alarm is stored and its AlarmRaised committed to the outbox, for a worker to deliver.
/// </summary>
public sealed class OverdueTimerAlarmTests : IDisposable
{
    private readonly EcoBidApp _app = new EcoBidApp()
        .With("Role", "api")
        .WithQuickAlarms()
        .With("Alarms:TimersOverdue:Threshold", "0.5");

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_timer_past_its_due_time_raises_the_alarm_naming_it_and_the_alarm_clears_when_it_is_gone()
    {
        var (_, admin) = await _app.AdminVerifiedInDatabaseAsync();
        var timers = _app.Services.GetRequiredService<ITimerStore>();
        var due = DateTimeOffset.UtcNow.AddSeconds(-2);
        await _app.Database.WriteAsync(async scope =>
        {
            await timers.ScheduleAsync(scope, new ScheduledTimer("test:overdue", due, """{"id":"t","source":"ecobid.test","detail-type":"Overdue","time":"2026-01-01T00:00:00Z","detail":{}}""", null));
            return true;
        });

        var alarm = await admin.WaitForAlarmAsync("TimersOverdue", "ALARM");
        alarm.GetProperty("reason").GetString()!.ShouldContain("Timer test:overdue was due");
        alarm.GetProperty("evaluatedHere").GetBoolean().ShouldBeTrue();
        (await _app.Database.CountAsync("SELECT COUNT(*) FROM outbox WHERE json_extract(envelope, '$.detail-type') = 'AlarmRaised' AND json_extract(envelope, '$.detail.alarm') = 'TimersOverdue'")).ShouldBe(1);

        // Alarms fed by handler activity belong to the processes that run handlers.
        (await admin.AlarmAsync("HandlerErrorRate")).GetProperty("evaluatedHere").GetBoolean().ShouldBeFalse();

        await _app.Database.WriteAsync(scope => timers.CancelAsync(scope, "test:overdue"));
        await admin.WaitForAlarmAsync("TimersOverdue", "OK");
        (await _app.Database.CountAsync("SELECT COUNT(*) FROM outbox WHERE json_extract(envelope, '$.detail-type') = 'AlarmCleared' AND json_extract(envelope, '$.detail.alarm') = 'TimersOverdue'")).ShouldBe(1);
    }
}
