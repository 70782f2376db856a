using System.CommandLine;
using System.Globalization;
using EcoBid.Events.Archive;
using EcoBid.Server.Admin;
using Spectre.Console;

namespace EcoBid.Server.Cli;

/// <summary>
/// <c>ecobid replay start|status|cancel|list</c>. The verbs write to and read from the database; the server's replay
/// runner (running on the same file) delivers the replay, so <c>start</c> works while the server runs.
/// </summary>
internal static class ReplayCommands
{
    private const int InvalidInput = EventsCommands.InvalidInput;
    private const int NotCompleted = 1;

    /// <summary>How often <c>start --wait</c> looks at the replay's progress.</summary>
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>The request's field names as this command's options, so a fault names what the operator typed.</summary>
    private static readonly Dictionary<string, string> OptionNames = new(StringComparer.Ordinal)
    {
        ["name"] = "--name",
        ["from"] = "--from",
        ["to"] = "--to",
        ["eventPattern"] = "--pattern",
        ["targets"] = "--target",
    };

    public static Command Create()
    {
        var name = new Option<string>("--name") { Description = "A new replay name: 1 to 64 letters, digits, '.', '_' or '-'", Required = true };
        var from = new Option<string>("--from") { Description = "Start of the event-time range, ISO 8601, inclusive (UTC unless an offset is given)", Required = true };
        var to = new Option<string>("--to") { Description = "End of the event-time range, ISO 8601, exclusive", Required = true };
        var pattern = new Option<string?>("--pattern") { Description = "Replay only events matching this EventBridge event pattern (JSON)" };
        var targets = new Option<string[]>("--target") { Description = "Deliver only to this target (repeatable); default every target whose rules match", AllowMultipleArgumentsPerToken = true };
        var wait = new Option<bool>("--wait") { Description = "Show a progress bar until the replay completes, is cancelled or fails" };
        var start = new Command("start", "Starts a replay of archived events; the server's workers deliver it.") { name, from, to, pattern, targets, wait };
        start.SetAction((result, cancellationToken) => StartAsync(
            result,
            new StartOptions(result.GetRequiredValue(name), result.GetRequiredValue(from), result.GetRequiredValue(to), result.GetValue(pattern), result.GetValue(targets), result.GetValue(wait)),
            cancellationToken));

        var replayName = new Argument<string>("name") { Description = "The replay's name" };
        var status = new Command("status", "Shows a replay's state and progress.") { replayName };
        status.SetAction((result, cancellationToken) => StatusAsync(result, result.GetRequiredValue(replayName), cancellationToken));

        var cancel = new Command("cancel", "Cancels a pending or running replay; it stops before its next batch.") { replayName };
        cancel.SetAction((result, cancellationToken) => CancelAsync(result, result.GetRequiredValue(replayName), cancellationToken));

        var list = new Command("list", "Lists every replay, newest first.");
        list.SetAction((result, cancellationToken) => ListAsync(result, cancellationToken));

        return new Command("replay", "Archive replays: re-deliver archived events to their targets.") { start, status, cancel, list };
    }

    private static async Task<int> StartAsync(ParseResult result, StartOptions options, CancellationToken cancellationToken)
    {
        var error = result.InvocationConfiguration.Error;
        var from = ParseTime(options.From, "--from", error);
        var to = ParseTime(options.To, "--to", error);
        if (from is null || to is null)
        {
            return InvalidInput;
        }

        using var host = await CliServices.StartAsync(cancellationToken);
        var replays = host.Services.GetRequiredService<ReplayService>();
        var targets = options.Targets is { Length: > 0 } named ? named : null;
        var outcome = await replays.StartAsync(new ReplayRequest(options.Name, from, to, options.Pattern, targets), cancellationToken);
        if (outcome.Errors is { } errors)
        {
            foreach (var (field, messages) in errors)
            {
                error.WriteLine($"{OptionNames.GetValueOrDefault(field, field)}: {string.Join(' ', messages)}");
            }

            return InvalidInput;
        }

        if (outcome.Started is not { } replay)
        {
            error.WriteLine($"A replay named '{options.Name}' exists already; replay names are never reused, so pick a new one.");
            return InvalidInput;
        }

        if (options.Wait)
        {
            replay = await FollowAsync(result, replays, replay, cancellationToken);
        }

        Print(result, replay);
        return !options.Wait || replay.State == ReplayState.Completed ? 0 : NotCompleted;
    }

    private static async Task<int> StatusAsync(ParseResult result, string name, CancellationToken cancellationToken)
    {
        using var host = await CliServices.StartAsync(cancellationToken);
        var replay = await host.Services.GetRequiredService<ReplayService>().FindAsync(name, cancellationToken);
        if (replay is null)
        {
            result.InvocationConfiguration.Error.WriteLine($"No replay '{name}'.");
            return InvalidInput;
        }

        Print(result, replay);
        return 0;
    }

    private static async Task<int> CancelAsync(ParseResult result, string name, CancellationToken cancellationToken)
    {
        using var host = await CliServices.StartAsync(cancellationToken);
        var replay = await host.Services.GetRequiredService<ReplayService>().CancelAsync(name, cancellationToken);
        if (replay is null)
        {
            result.InvocationConfiguration.Error.WriteLine($"No replay '{name}'.");
            return InvalidInput;
        }

        if (replay.State is ReplayState.Completed or ReplayState.Failed)
        {
            result.InvocationConfiguration.Error.WriteLine($"Replay '{name}' is {replay.State.Name()} already; only a pending or running replay can be cancelled.");
            return InvalidInput;
        }

        Print(result, replay);
        return 0;
    }

    private static async Task<int> ListAsync(ParseResult result, CancellationToken cancellationToken)
    {
        using var host = await CliServices.StartAsync(cancellationToken);
        var table = CliConsole.Table(["name", "state", "from", "to", "scanned", "delivered", "created"], "name", "state", "scanned");
        foreach (var replay in await host.Services.GetRequiredService<ReplayService>().ListAsync(cancellationToken))
        {
            var definition = replay.Definition;
            table.AddRow(
                Markup.Escape(replay.Name), replay.State.Name(), Time(definition.From), Time(definition.To),
                $"{replay.Scanned}/{replay.Total}", replay.Delivered.ToString(CultureInfo.InvariantCulture), Time(replay.CreatedAt));
        }

        Console(result).Write(table);
        return 0;
    }

    /// <summary>Polls the replay and draws its progress until it reaches a final state.</summary>
    private static async Task<Replay> FollowAsync(ParseResult result, ReplayService replays, Replay replay, CancellationToken cancellationToken)
    {
        var current = replay;
        await Console(result).Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask(Describe(current), maxValue: 1);
                while (!current.State.IsFinal())
                {
                    await Task.Delay(PollInterval, cancellationToken);
                    current = await replays.FindAsync(current.Name, cancellationToken) ?? current;
                    task.IsIndeterminate = current.State == ReplayState.Pending;
                    task.Description = Describe(current);
                    task.MaxValue = Math.Max(1, current.Total);
                    task.Value = current.State == ReplayState.Completed ? task.MaxValue : Math.Min(current.Scanned, task.MaxValue);
                }
            });
        return current;
    }

    private static string Describe(Replay replay) => replay.State == ReplayState.Pending
        ? $"replay {Markup.Escape(replay.Name)}: waiting for a worker"
        : $"replay {Markup.Escape(replay.Name)}: {replay.State.Name()}, {replay.Scanned}/{replay.Total} scanned, {replay.Delivered} delivered";

    private static void Print(ParseResult result, Replay replay)
    {
        var definition = replay.Definition;
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        grid.AddRow("name", Markup.Escape(replay.Name));
        grid.AddRow("state", replay.State.Name());
        grid.AddRow("range", $"{Time(definition.From)} .. {Time(definition.To)}");
        grid.AddRow("pattern", Markup.Escape(definition.EventPattern ?? "(every event)"));
        grid.AddRow("targets", Markup.Escape(definition.Targets is { } targets ? string.Join(", ", targets) : "(every matching target)"));
        grid.AddRow("progress", $"{replay.Scanned}/{replay.Total} scanned ({ReplayResponse.ProgressOf(replay) * 100:0}%)");
        grid.AddRow("matched", replay.Matched.ToString(CultureInfo.InvariantCulture));
        grid.AddRow("delivered", replay.Delivered.ToString(CultureInfo.InvariantCulture));
        grid.AddRow("created", Time(replay.CreatedAt));
        grid.AddRow("started", replay.StartedAt is { } started ? Time(started) : "-");
        grid.AddRow("finished", replay.FinishedAt is { } finished ? Time(finished) : "-");
        if (replay.Error is { } failure)
        {
            grid.AddRow("error", Markup.Escape(failure));
        }

        Console(result).Write(grid);
    }

    private static IAnsiConsole Console(ParseResult result) => CliConsole.Create(result);

    private static DateTimeOffset? ParseTime(string text, string option, TextWriter error)
    {
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            return time;
        }

        error.WriteLine($"{option}: '{text}' is not an ISO 8601 time, such as 2025-06-01T00:00:00Z.");
        return null;
    }

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private sealed record StartOptions(string Name, string From, string To, string? Pattern, string[]? Targets, bool Wait);
}
