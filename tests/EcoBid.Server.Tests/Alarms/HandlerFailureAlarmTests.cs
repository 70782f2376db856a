using System.Net;
using EcoBid.Events;
using EcoBid.Events.Monitoring;
using EcoBid.Server.Tests.Infrastructure;
using EcoBid.Server.Tests.Notifications;
using Microsoft.Extensions.DependencyInjection;

namespace EcoBid.Server.Tests.Alarms;

/// <summary>
/// A handler that always fails, for real: its error rate and its dead letter each raise an alarm, every admin hears of
/// it by push, inbox and email, <c>/admin/alarms</c> shows it, and both clear once the failures have passed and the
/// dead letter is purged.
/// </summary>
public sealed class HandlerFailureAlarmTests : IDisposable
{
    private readonly EcoBidApp _app = new EcoBidApp()
        .WithQuickAlarms()
        .With("Alarms:HandlerErrorRate:MinimumSamples", "1")
        .With("Alarms:HandlerErrorRate:Window", "00:00:03")
        .WithItemCreatedTarget("AlwaysFails", new { description = "Fails every time.", maxReceiveCount = 1 })
        .WithServices(services => services.AddEventHandler<AlwaysFails>("AlwaysFails"));

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_failing_handler_raises_the_error_rate_and_dead_letter_alarms_tells_every_admin_and_both_clear()
    {
        var (admin, adminClient) = await _app.SignUpAdminAsync();
        await using var live = await LiveClient.ConnectAsync(_app, admin.AccessToken);
        var (_, seller) = await _app.SignUpAsync();
        (await adminClient.AlarmAsync("HandlerErrorRate")).GetProperty("state").GetString().ShouldBe("OK");

        await seller.CreateItemAsync();

        var errors = await adminClient.WaitForAlarmAsync("HandlerErrorRate", "ALARM");
        errors.GetProperty("threshold").GetDouble().ShouldBe(0.01);

        // What raised it is the transition's; the list's own value is the latest reading, of a window that slides on.
        var raised = (await adminClient.TransitionsAsync("HandlerErrorRate")).Where(t => t.GetProperty("state").GetString() == "ALARM").ShouldHaveSingleItem();
        raised.GetProperty("value").GetDouble().ShouldBeGreaterThan(0.01);
        raised.GetProperty("reason").GetString()!.ShouldContain("handler attempts failed");
        var dead = await adminClient.WaitForAlarmAsync("DeadLetters", "ALARM");
        dead.GetProperty("reason").GetString()!.ShouldContain("AlwaysFails 1");

        var pushed = await live.NextNotificationAsync("alarm_raised");
        pushed.GetProperty("title").GetString()!.ShouldStartWith("Alarm: ");
        await _app.WaitForAsync(a => a.Kind == RuntimeActivityKind.Handled && a.Queue == "NotifyAdmins", count: 2);
        var inbox = (await adminClient.InboxAsync()).GetProperty("items").EnumerateArray().ToList();
        inbox.Where(n => n.GetProperty("kind").GetString() == "alarm_raised").Select(n => n.GetProperty("title").GetString())
            .ShouldBe(["Alarm: HandlerErrorRate", "Alarm: DeadLetters"], ignoreOrder: true);
        var email = await MailFolder.WaitForAsync(_app.MailFolder, admin.Email, "Alarm: DeadLetters");
        using var raw = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(email));
        using var message = MimeKit.MimeMessage.Load(raw);
        message.TextBody.ShouldNotBeNull().ShouldContain("AlwaysFails");

        (await adminClient.DeleteAsync("/admin/dlq/AlwaysFails?confirm=AlwaysFails")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await adminClient.WaitForAlarmAsync("DeadLetters", "OK");
        await adminClient.WaitForAlarmAsync("HandlerErrorRate", "OK");
        var cleared = await live.NextNotificationAsync("alarm_cleared");
        cleared.GetProperty("title").GetString()!.ShouldStartWith("Alarm cleared: ");

        var transitions = await adminClient.TransitionsAsync("DeadLetters");
        transitions.Select(t => t.GetProperty("state").GetString()).ShouldBe(["OK", "ALARM"]);
        transitions[1].GetProperty("reason").GetString()!.ShouldContain("AlwaysFails");
    }
}
