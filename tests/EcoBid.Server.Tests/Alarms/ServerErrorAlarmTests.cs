using System.Net;
using EcoBid.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace EcoBid.Server.Tests.Alarms;

/// <summary>Server errors for real: a route that throws, registered only here, answers 500 through EcoBid's pipeline.</summary>
public sealed class ServerErrorAlarmTests : IDisposable
{
    private const string FailingPath = "/test/fails";

    private readonly EcoBidApp _app = new EcoBidApp()
        .WithQuickAlarms()
        .With("Alarms:ServerErrorRate:MinimumSamples", "1")
        .With("Alarms:ServerErrorRate:Window", "00:00:03")
        .WithServices(services => services.AddSingleton<IStartupFilter>(new FailingRoute()));

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Responses_with_5xx_over_half_a_percent_raise_the_alarm_which_clears_once_they_leave_the_window()
    {
        var (_, admin) = await _app.AdminVerifiedInDatabaseAsync();
        (await admin.AlarmAsync("ServerErrorRate")).GetProperty("state").GetString().ShouldBe("OK");
        using var anonymous = _app.CreateClient();

        for (var i = 0; i < 3; i++)
        {
            var response = await anonymous.GetAsync(FailingPath);
            await response.ShouldBeProblemAsync(500);
        }

        var alarm = await admin.WaitForAlarmAsync("ServerErrorRate", "ALARM");
        alarm.GetProperty("threshold").GetDouble().ShouldBe(0.005);

        // The reason that raised it is the transition's: the list's own reason is the latest reading, which on a slow
        // machine may already be of a window the failures have left.
        var raised = (await admin.TransitionsAsync("ServerErrorRate")).Where(t => t.GetProperty("state").GetString() == "ALARM").ShouldHaveSingleItem();
        raised.GetProperty("reason").GetString()!.ShouldContain("responses were 5xx");
        raised.GetProperty("value").GetDouble().ShouldBeGreaterThan(0.005);

        (await _app.AlarmEventCountAsync("AlarmRaised", "ServerErrorRate")).ShouldBe(1);

        await admin.WaitForAlarmAsync("ServerErrorRate", "OK");
        (await _app.AlarmEventCountAsync("AlarmCleared", "ServerErrorRate")).ShouldBe(1);
        (await admin.TransitionsAsync("ServerErrorRate")).Select(t => t.GetProperty("state").GetString()).ShouldBe(["OK", "ALARM"]);
        (await anonymous.GetAsync("/health")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>Adds, after EcoBid's own pipeline, a route that throws: its exception reaches EcoBid's exception handler.</summary>
    private sealed class FailingRoute : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use((context, rest) => context.Request.Path == FailingPath
                ? throw new InvalidOperationException("This route fails on purpose.")
                : rest(context));
        };
    }
}
