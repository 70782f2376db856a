using System.CommandLine;
using EcoBid.Events.Queues;
using EcoBid.Events.Rules;
using Spectre.Console;

namespace EcoBid.Server.Cli;

internal static class QueueCommands
{
    public static Command Create()
    {
        var command = new Command("queues", "Shows every target's queue depth and the age of its oldest message.");
        command.SetAction(async (result, cancellationToken) =>
        {
            using var host = await CliServices.StartAsync(cancellationToken);
            var stats = (await host.Services.GetRequiredService<IMessageQueue>().GetStatsAsync(cancellationToken)).ToDictionary(s => s.Queue, StringComparer.Ordinal);
            var rules = host.Services.GetRequiredService<RuleSet>();
            var table = CliConsole.Table(["queue", "visible", "in flight", "delayed", "dead letters", "oldest"], "queue");
            foreach (var name in rules.Targets.Keys.Concat(stats.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                var s = stats.GetValueOrDefault(name) ?? new QueueStats(name, 0, 0, 0, 0, null);
                table.AddRow(name, s.Visible.ToString(), s.InFlight.ToString(), s.Delayed.ToString(), s.DeadLettered.ToString(), s.OldestEnqueuedAt?.ToString("u") ?? "-");
            }

            Console(result).Write(table);
            return 0;
        });
        return command;
    }

    public static IAnsiConsole Console(ParseResult result) => CliConsole.Create(result);
}
