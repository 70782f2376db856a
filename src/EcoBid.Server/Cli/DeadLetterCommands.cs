using System.CommandLine;
using System.Globalization;
using EcoBid.Events.Queues;
using EcoBid.Events.Rules;
using Spectre.Console;

namespace EcoBid.Server.Cli;

internal static class DeadLetterCommands
{
    private const int RedriveChunk = 100;

    public static Command Create()
    {
        var queue = new Argument<string>("queue") { Description = "The target whose dead-letter queue to work on" };
        var limit = new Option<int>("--limit") { Description = "How many to list", DefaultValueFactory = _ => 50 };
        var list = new Command("list", "Lists a target's dead letters with their last error.") { queue, limit };
        list.SetAction((result, cancellationToken) => ListAsync(result, result.GetRequiredValue(queue), result.GetValue(limit), cancellationToken));

        var ids = new Option<long[]>("--id") { Description = "Only these dead letters (repeatable); default all", AllowMultipleArgumentsPerToken = true };
        var rate = new Option<int>("--per-second") { Description = "At most this many messages a second", DefaultValueFactory = _ => 1000 };
        var redrive = new Command("redrive", "Moves dead letters back to their source queue, with a progress bar.") { queue, ids, rate };
        redrive.SetAction((result, cancellationToken) => RedriveAsync(result, result.GetRequiredValue(queue), result.GetValue(ids), result.GetValue(rate), cancellationToken));

        var yes = new Option<bool>("--yes") { Description = "Confirms that the messages are to be deleted for good" };
        var purge = new Command("purge", "Deletes a target's dead letters.") { queue, yes };
        purge.SetAction((result, cancellationToken) => PurgeAsync(result, result.GetRequiredValue(queue), result.GetValue(yes), cancellationToken));

        return new Command("dlq", "Dead-letter queues.") { list, redrive, purge };
    }

    private static async Task<int> ListAsync(ParseResult result, string queue, int limit, CancellationToken cancellationToken)
    {
        using var host = await CliServices.StartAsync(cancellationToken);
        if (!KnownQueue(host, result, queue))
        {
            return 2;
        }

        var letters = await host.Services.GetRequiredService<IMessageQueue>().ListDeadLettersAsync(queue, Math.Clamp(limit, 1, 1000), cancellationToken);
        var table = CliConsole.Table(["id", "event", "receives", "dead-lettered", "last error"], "id", "event");
        foreach (var letter in letters)
        {
            table.AddRow(
                new Text(letter.Id.ToString(CultureInfo.InvariantCulture)), new Text(letter.EventId), new Text(letter.ReceiveCount.ToString(CultureInfo.InvariantCulture)),
                new Text(letter.DeadLetteredAt.ToString("u", CultureInfo.InvariantCulture)), CliConsole.Prose(letter.LastError ?? string.Empty));
        }

        QueueCommands.Console(result).Write(table);
        return 0;
    }

    private static async Task<int> RedriveAsync(ParseResult result, string queue, long[]? ids, int perSecond, CancellationToken cancellationToken)
    {
        using var host = await CliServices.StartAsync(cancellationToken);
        if (!KnownQueue(host, result, queue))
        {
            return 2;
        }

        var queues = host.Services.GetRequiredService<IMessageQueue>();
        var total = ids is { Length: > 0 } ? ids.Length : (await queues.GetStatsAsync(cancellationToken)).FirstOrDefault(s => s.Queue == queue)?.DeadLettered ?? 0;
        var moved = 0;
        var missing = new List<long>();

        // Ids given one by one, so the ones that are not dead letters of this queue can be named.
        var chunk = ids is { Length: > 0 } ? 1 : Math.Clamp(perSecond, 1, RedriveChunk);
        var pause = TimeSpan.FromSeconds((double)chunk / Math.Max(1, perSecond));
        await QueueCommands.Console(result).Progress().StartAsync(async progress =>
        {
            var task = progress.AddTask($"redrive {queue}", maxValue: Math.Max(1, total));
            foreach (var batch in Batches(ids, chunk))
            {
                var done = await queues.RedriveAsync(queue, batch, chunk, cancellationToken);
                moved += done;
                if (batch is [var id] && done == 0)
                {
                    missing.Add(id);
                }

                task.Increment(done);
                if (done < chunk && batch is null)
                {
                    break;
                }

                await Task.Delay(pause, cancellationToken);
            }

            task.Value = task.MaxValue;
        });
        result.InvocationConfiguration.Output.WriteLine($"redriven {moved} message(s) to {queue}");
        if (missing.Count > 0)
        {
            result.InvocationConfiguration.Error.WriteLine(
                $"No dead letter {string.Join(", ", missing)} in {queue}'s dead-letter queue; `ecobid dlq list {queue}` lists them.");
            return EventsCommands.InvalidInput;
        }

        return 0;
    }

    private static IEnumerable<long[]?> Batches(long[]? ids, int chunk)
    {
        if (ids is not { Length: > 0 })
        {
            while (true)
            {
                yield return null;
            }
        }

        foreach (var batch in ids.Chunk(chunk))
        {
            yield return batch;
        }
    }

    private static async Task<int> PurgeAsync(ParseResult result, string queue, bool confirmed, CancellationToken cancellationToken)
    {
        if (!confirmed)
        {
            result.InvocationConfiguration.Error.WriteLine($"Purging deletes {queue}'s dead letters for good; add --yes to confirm.");
            return 2;
        }

        using var host = await CliServices.StartAsync(cancellationToken);
        if (!KnownQueue(host, result, queue))
        {
            return 2;
        }

        var purged = await host.Services.GetRequiredService<IMessageQueue>().PurgeDeadLettersAsync(queue, cancellationToken);
        result.InvocationConfiguration.Output.WriteLine($"purged {purged} dead letter(s) from {queue}");
        return 0;
    }

    private static bool KnownQueue(IHost host, ParseResult result, string queue)
    {
        if (host.Services.GetRequiredService<RuleSet>().Targets.ContainsKey(queue))
        {
            return true;
        }

        result.InvocationConfiguration.Error.WriteLine($"No target '{queue}' in the rules file.");
        return false;
    }
}
