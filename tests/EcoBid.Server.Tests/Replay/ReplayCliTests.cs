using EcoBid.Events.Monitoring;
using EcoBid.Server.Cli;
using EcoBid.Server.Tests.Infrastructure;

namespace EcoBid.Server.Tests.Replay;

/// <summary>
/// The CLI finds the database through ECOBID_DATA_DIR (and, with the state on PostgreSQL, Storage and
/// Postgres__ConnectionString), process-wide settings, so these tests run alone.
/// </summary>
[CollectionDefinition(nameof(ProcessEnvironment), DisableParallelization = true)]
public sealed class ProcessEnvironment;

[Collection(nameof(ProcessEnvironment))]
public sealed class ReplayCliTests : IDisposable
{
    private readonly EcoBidApp _app = new();
    private readonly CliEnvironment _cli;

    public ReplayCliTests() => _cli = new CliEnvironment(_app);

    public void Dispose()
    {
        _cli.Dispose();
        _app.Dispose();
    }

    [Fact]
    public async Task The_cli_starts_a_replay_that_the_running_server_delivers_and_reports_it()
    {
        var client = (await _app.AdminClientAsync());
        var eventIds = new List<string>();
        foreach (var title in new[] { "Oak chair", "Pine shelf", "Kids bike" })
        {
            eventIds.Add(await _app.Database.ItemCreatedEventIdAsync(await client.CreateItemAsync(Requests.Item(title: title))));
        }

        foreach (var eventId in eventIds)
        {
            await _app.WaitForHandledAsync(eventId, "Index");
        }

        var to = DateTimeOffset.UtcNow.AddHours(1).ToString("O");
        var start = await RunAsync("replay", "start", "--name", "cli-rebuild", "--from", "2000-01-01T00:00:00Z", "--to", to,
            "--pattern", """{"detail-type":["ItemCreated"]}""", "--target", "Index", "--wait");

        start.ExitCode.ShouldBe(0, start.Error);
        start.Output.ShouldContain("completed");
        var archived = await _app.Database.CountAsync("SELECT COUNT(*) FROM event_archive");
        start.Output.ShouldContain($"{archived}/{archived} scanned");
        await _app.WaitForAsync(a => a.Kind == RuntimeActivityKind.Handled && a.Queue == "Index", count: 6);

        var status = await RunAsync("replay", "status", "cli-rebuild");
        status.ExitCode.ShouldBe(0, status.Error);
        status.Output.ShouldContain("completed");
        status.Output.ShouldContain("Index");

        var list = await RunAsync("replay", "list");
        list.Output.ShouldContain("cli-rebuild");

        var cancel = await RunAsync("replay", "cancel", "cli-rebuild");
        cancel.ExitCode.ShouldBe(2);
        cancel.Error.ShouldContain("completed already");

        var again = await RunAsync("replay", "start", "--name", "cli-rebuild", "--from", "2000-01-01T00:00:00Z", "--to", to);
        again.ExitCode.ShouldBe(2);
        again.Error.ShouldContain("exists already");
    }

    [Fact]
    public async Task Without_wait_start_prints_the_status_and_cancel_stops_a_pending_replay()
    {
        // The server is never started here, so no runner picks the replay up and it stays pending.
        var start = await RunAsync("replay", "start", "--name", "cli-pending", "--from", "2025-01-01T00:00:00+02:00", "--to", "2025-01-02T00:00:00Z", "--target", "Index");

        start.ExitCode.ShouldBe(0, start.Error);
        start.Output.ShouldContain("cli-pending");
        start.Output.ShouldContain("pending");
        start.Output.ShouldContain("2024-12-31T22:00:00.000Z .. 2025-01-02T00:00:00.000Z");

        var cancel = await RunAsync("replay", "cancel", "cli-pending");
        cancel.ExitCode.ShouldBe(0, cancel.Error);
        cancel.Output.ShouldContain("cancelled");
        (await RunAsync("replay", "status", "cli-pending")).Output.ShouldContain("cancelled");
    }

    [Theory]
    [InlineData("--from", "yesterday", "--from: 'yesterday' is not an ISO 8601 time")]
    [InlineData("--to", "2020-01-01T00:00:00Z", "--to: The end of the range must be later than its start.")]
    [InlineData("--pattern", """{"source":[]}""", "--pattern: ")]
    [InlineData("--target", "Nope", "--target: The rules file declares no target 'Nope'")]
    [InlineData("--name", "bad name", "--name: ")]
    public async Task An_invalid_start_names_the_option_and_exits_2(string option, string value, string message)
    {
        var arguments = new Dictionary<string, string>
        {
            ["--name"] = "cli-invalid",
            ["--from"] = "2025-01-01T00:00:00Z",
            ["--to"] = "2025-01-02T00:00:00Z",
        };
        arguments[option] = value;

        var result = await RunAsync(["replay", "start", .. arguments.SelectMany(a => new[] { a.Key, a.Value })]);

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain(message);
    }

    [Fact]
    public async Task Status_of_an_unknown_replay_exits_2()
    {
        var result = await RunAsync("replay", "status", "nope");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("No replay 'nope'");
    }

    private static async Task<CliResult> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CliApp.RunAsync(args, output, error);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    private sealed record CliResult(int ExitCode, string Output, string Error);
}
