using System.Globalization;
using EcoBid.Server.Tests.Infrastructure;
using EcoBid.Server.Tests.Notifications;

namespace EcoBid.Server.Tests.Alarms;

/// <summary>
/// The email circuit opened for real: the configured SMTP server's port refuses every connection, until a mail server
/// starts on it and the verification emails, retried through the open circuit, go through and close it.
/// </summary>
public sealed class EmailCircuitAlarmTests : IDisposable
{
    private readonly int _port = FreePort.Next();
    private readonly EcoBidApp _app;

    public EmailCircuitAlarmTests() => _app = new EcoBidApp()
        .WithQuickAlarms()
        .With("Mail:Smtp:Host", "127.0.0.1").With("Mail:Smtp:Port", _port.ToString(CultureInfo.InvariantCulture))
        .With("Mail:RetryBase", "00:00:00.050").With("Mail:RetryCap", "00:00:00.250")
        .With("Mail:BreakerMinimumThroughput", "2").With("Mail:BreakerBreakDuration", "00:00:01");

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_dead_mail_server_opens_the_circuit_which_raises_the_alarm_and_it_clears_once_the_server_is_back()
    {
        var (_, admin) = await _app.AdminVerifiedInDatabaseAsync();
        for (var i = 0; i < 3; i++)
        {
            await _app.SignUpWithoutEmailAsync(); // each queues a verification email the dead server refuses
        }

        var alarm = await admin.WaitForAlarmAsync("EmailCircuitOpen", "ALARM", seconds: 30);
        alarm.GetProperty("value").GetDouble().ShouldBe(1);
        alarm.GetProperty("reason").GetString()!.ShouldContain("circuit breaker is open");
        (await _app.AlarmEventCountAsync("AlarmRaised", "EmailCircuitOpen")).ShouldBe(1);
        await Eventually.TrueAsync(async () => (await admin.InboxAsync()).GetProperty("items").EnumerateArray()
            .Any(n => n.GetProperty("kind").GetString() == "alarm_raised" && n.GetProperty("title").GetString() == "Alarm: EmailCircuitOpen"), what: "the admin's inbox has the alarm");

        await using var smtp = SmtpSink.Start(_port);
        var cleared = await admin.WaitForAlarmAsync("EmailCircuitOpen", "OK", seconds: 30);
        cleared.GetProperty("reason").GetString()!.ShouldContain("circuit breaker is closed");
        (await _app.AlarmEventCountAsync("AlarmCleared", "EmailCircuitOpen")).ShouldBe(1);
        (await admin.TransitionsAsync("EmailCircuitOpen")).Select(t => t.GetProperty("state").GetString()).ShouldBe(["OK", "ALARM"]);
        await smtp.WaitForAsync(m => m.Data.Contains("verify-email", StringComparison.Ordinal), seconds: 30);
    }
}
