using EcoBid.Events;
using EcoBid.Events.Monitoring;
using EcoBid.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace EcoBid.Server.Tests.Alarms;

/// <summary>
/// A stuck queue for real: a message its handler keeps failing (with many receives allowed) stays in the queue and
/// ages, until the dependency is back.
/// </summary>
public sealed class StuckQueueAlarmTests : IDisposable
{
    private readonly HandlerSwitch _switch = new();
    private readonly EcoBidApp _app;

    public StuckQueueAlarmTests()
    {
        _app = new EcoBidApp()
            .WithQuickAlarms()
            .With("Alarms:QueueAge:Threshold", "1")
            .WithItemCreatedTarget("Stuck", new { description = "Its dependency is down.", maxReceiveCount = 1000, backoffBaseMilliseconds = 50, backoffCapSeconds = 1 })
            .WithServices(services =>
            {
                services.AddSingleton(_switch);
                services.AddEventHandler<SwitchedHandler>("Stuck");
            });
    }

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_message_older_than_the_threshold_raises_the_queue_age_alarm_naming_the_queue_and_it_clears_when_the_queue_drains()
    {
        var (_, admin) = await _app.AdminVerifiedInDatabaseAsync();
        var (_, seller) = await _app.SignUpAsync();
        var itemId = await seller.CreateItemAsync();
        var eventId = await _app.Database.ItemCreatedEventIdAsync(itemId);

        var alarm = await admin.WaitForAlarmAsync("QueueAge", "ALARM");
        alarm.GetProperty("reason").GetString()!.ShouldContain("in Stuck");
        var raised = (await admin.TransitionsAsync("QueueAge")).ShouldHaveSingleItem();
        raised.GetProperty("value").GetDouble().ShouldBeGreaterThan(1);
        _switch.Attempts.ShouldBeGreaterThan(1);
        (await _app.AlarmEventCountAsync("AlarmRaised", "QueueAge")).ShouldBe(1);

        _switch.Failing = false;
        await _app.WaitForHandledAsync(eventId, "Stuck");
        var cleared = await admin.WaitForAlarmAsync("QueueAge", "OK");
        cleared.GetProperty("reason").GetString()!.ShouldNotContain("in Stuck");
        (await _app.AlarmEventCountAsync("AlarmCleared", "QueueAge")).ShouldBe(1);
    }
}
