using System.Net;
using System.Net.Http.Json;
using EcoBid.Server.Tests.Infrastructure;

namespace EcoBid.Server.Tests.Alarms;

/// <summary>A burst of sign-in attempts from one address, refused by the real sign-in rate limit.</summary>
public sealed class RateLimitAlarmTests : IDisposable
{
    private readonly EcoBidApp _app = new EcoBidApp()
        .WithQuickAlarms()
        .With("RateLimits:AuthPerAddressPerMinute", "4")
        .With("Alarms:RateLimitRejections:Threshold", "5")
        .With("Alarms:RateLimitRejections:Window", "00:00:03");

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_burst_of_429s_raises_the_alarm_and_it_clears_when_the_burst_is_over()
    {
        var (_, admin) = await _app.AdminVerifiedInDatabaseAsync(); // two of the four sign-up and sign-in calls
        using var guesser = _app.CreateClient();
        var refused = 0;
        for (var i = 0; i < 12; i++)
        {
            var response = await guesser.PostAsJsonAsync("/auth/login", new { email = "someone@example.com", password = $"Guess-{i}-A1" });
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused++;
            }
        }

        refused.ShouldBeGreaterThan(5);
        var alarm = await admin.WaitForAlarmAsync("RateLimitRejections", "ALARM");
        alarm.GetProperty("reason").GetString()!.ShouldContain("refused with 429");
        (await admin.TransitionsAsync("RateLimitRejections")).Where(t => t.GetProperty("state").GetString() == "ALARM")
            .ShouldHaveSingleItem().GetProperty("value").GetDouble().ShouldBeGreaterThan(5);
        (await _app.AlarmEventCountAsync("AlarmRaised", "RateLimitRejections")).ShouldBe(1);

        await admin.WaitForAlarmAsync("RateLimitRejections", "OK");
        (await _app.AlarmEventCountAsync("AlarmCleared", "RateLimitRejections")).ShouldBe(1);
    }
}
