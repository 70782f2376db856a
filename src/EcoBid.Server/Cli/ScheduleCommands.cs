using System.CommandLine;
using EcoBid.Events.Scheduling;
using EcoBid.Events.Timers;
using EcoBid.Server.Schedules;
using Spectre.Console;

namespace EcoBid.Server.Cli;

internal static class ScheduleCommands
{
    public static Command Create()
    {
        var expression = new Option<string>("--expression") { Description = "at(...), rate(...) or cron(...)", Required = true };
        var timezone = new Option<string>("--timezone") { Description = "IANA time zone", DefaultValueFactory = _ => "UTC" };
        var from = new Option<string?>("--from") { Description = "ISO-8601 instant to look ahead from (default now)" };
        var count = new Option<int>("--count") { Description = "How many fire times", DefaultValueFactory = _ => 5 };
        var next = new Command("next", "Prints the next fire times (UTC, one per line), or the fault and exit code 2.") { expression, timezone, from, count };
        next.SetAction(result =>
        {
            var outcome = ScheduleLookahead.Next(result.GetValue(expression), result.GetValue(timezone), result.GetValue(from), result.GetValue(count), TimeProvider.System);
            if (outcome.Error is { } error)
            {
                result.InvocationConfiguration.Error.WriteLine($"{outcome.Field}: {error}");
                return EventsCommands.InvalidInput;
            }

            foreach (var time in outcome.FireTimes)
            {
                result.InvocationConfiguration.Output.WriteLine(time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"));
            }

            return 0;
        });

        var list = new Command("list", "Shows the schedules with their last and next fire, and the pending timers.");
        list.SetAction(async (result, cancellationToken) =>
        {
            using var host = await CliServices.StartAsync(cancellationToken);
            var timers = host.Services.GetRequiredService<ITimerStore>();
            var states = (await timers.ListSchedulesAsync(cancellationToken)).ToDictionary(s => s.Name, StringComparer.Ordinal);
            var pending = await timers.ListAsync(1000, cancellationToken);
            var table = CliConsole.Table(["schedule", "expression", "zone", "last fired", "next fire"], "schedule", "zone");
            foreach (var schedule in host.Services.GetRequiredService<ScheduleSet>().Schedules)
            {
                var nextFire = pending.FirstOrDefault(t => t.Schedule == schedule.Name)?.DueAt;
                table.AddRow(schedule.Name, Markup.Escape(schedule.Expression.Text), schedule.TimeZone.Id,
                    states.GetValueOrDefault(schedule.Name)?.LastFiredAt?.ToString("u") ?? "-", nextFire?.ToString("u") ?? "-");
            }

            var console = QueueCommands.Console(result);
            console.Write(table);
            console.WriteLine($"{pending.Count(t => t.Schedule is null)} one-off timer(s) pending");
            return 0;
        });
        return new Command("schedules", "Schedule expressions and timers.") { next, list };
    }
}
