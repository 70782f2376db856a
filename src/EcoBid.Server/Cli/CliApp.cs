using System.CommandLine;

namespace EcoBid.Server.Cli;

/// <summary>
/// The server executable's verbs (<c>ecobid events test-pattern …</c>, <c>ecobid dlq …</c>, <c>ecobid queues</c>).
/// With no verb, the executable runs the server.
/// </summary>
public static class CliApp
{
    private static readonly HashSet<string> Verbs = new(StringComparer.Ordinal) { "events", "dlq", "queues", "schedules", "replay", "users", "seed", "aws", "backup", "workflows", "proxy", "migrate", "help", "--help", "-h", "-?" };

    public static bool IsCommand(string[] args) => args is { Length: > 0 } && Verbs.Contains(args[0]);

    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        var root = new RootCommand("EcoBid: run with no verb to start the server; the verbs below operate on it.")
        {
            EventsCommands.Create(),
            DeadLetterCommands.Create(),
            QueueCommands.Create(),
            ScheduleCommands.Create(),
            ReplayCommands.Create(),
            UserCommands.Create(),
            SeedCommands.Create(),
            AwsCommands.Create(),
            BackupCommands.Create(),
            WorkflowCommands.Create(),
            ProxyCommands.Create(),
            MigrateCommands.Create(),
        };
        var configuration = new InvocationConfiguration
        {
            Output = output ?? Console.Out,
            Error = error ?? Console.Error,
        };
        return await root.Parse(args is ["help"] ? ["--help"] : args).InvokeAsync(configuration);
    }
}
