using EcoBid.Server.Cli;
using EcoBid.Server.Tests.Infrastructure;
using EcoBid.Server.Tests.Replay;

namespace EcoBid.Server.Tests.Workflows;

/// <summary>
/// <c>ecobid workflows …</c> on the data folder a running server uses (found through ECOBID_DATA_DIR, a process-wide
/// setting, hence the collection that runs alone).
/// </summary>
[Collection(nameof(ProcessEnvironment))]
public sealed class WorkflowCliTests : IDisposable
{
    private const string Napping = """{"StartAt":"Nap","States":{"Nap":{"Type":"Wait","Seconds":1,"Next":"Done"},"Done":{"Type":"Pass","Parameters":{"doubled.$":"States.MathAdd($.n, $.n)"},"End":true}}}""";
    private const string Sleeper = """{"StartAt":"Sleep","States":{"Sleep":{"Type":"Wait","Seconds":3600,"End":true}}}""";
    private const string Quick = """{"StartAt":"Echo","States":{"Echo":{"Type":"Pass","Parameters":{"said.$":"$.say"},"End":true}}}""";

    private readonly WorkflowTestApp _app = new();
    private readonly CliEnvironment _cli;

    public WorkflowCliTests() => _cli = new CliEnvironment(_app);

    public void Dispose()
    {
        _cli.Dispose();
        _app.Dispose();
    }

    [Fact]
    public async Task Start_from_the_cli_is_carried_on_by_the_running_server_and_describe_and_history_show_it()
    {
        await _app.CreateAsync("Napping", Napping);

        var list = await RunAsync("workflows", "list");
        list.ExitCode.ShouldBe(0, list.Error);
        list.Output.ShouldContain("Napping");
        list.Output.ShouldContain("STANDARD");

        var start = await RunAsync("workflows", "start", "Napping", "--name", "cli-run", "--input", """{"n": 21}""");
        start.ExitCode.ShouldBe(0, start.Error);
        start.Output.ShouldContain("started");
        var arn = start.Output.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
        arn.ShouldEndWith(":execution:Napping:cli-run");

        // The Wait's timer is the server's to fire: the CLI process has ended by then.
        var ended = await _app.EndedAsync(arn);
        ended.Status.ShouldBe("SUCCEEDED");
        ended.Output.ShouldBe("""{"doubled":42}""");

        var describe = await RunAsync("workflows", "describe", arn);
        describe.ExitCode.ShouldBe(0, describe.Error);
        describe.Output.ShouldContain("SUCCEEDED");
        describe.Output.ShouldContain("doubled");

        var history = await RunAsync("workflows", "history", arn);
        history.ExitCode.ShouldBe(0, history.Error);
        var order = new[] { "ExecutionStarted", "WaitStateEntered", "WaitStateExited", "PassStateEntered", "ExecutionSucceeded" }
            .Select(type => history.Output.IndexOf(type, StringComparison.Ordinal)).ToList();
        order.ShouldAllBe(position => position >= 0);
        order.ShouldBeInOrder();

        var executions = await RunAsync("workflows", "list", "--machine", "Napping", "--status", "SUCCEEDED");
        executions.Output.ShouldContain("cli-run");
        (await RunAsync("workflows", "list", "--machine", "Napping", "--status", "RUNNING")).Output.ShouldNotContain("cli-run");
    }

    [Fact]
    public async Task Stop_aborts_a_waiting_execution_and_an_express_machine_runs_in_the_cli_and_prints_its_output()
    {
        await _app.CreateAsync("Sleeper", Sleeper);
        await _app.CreateAsync("Quick", Quick, "EXPRESS");
        var arn = await _app.StartAsync("Sleeper", name: "long-nap");

        var stop = await RunAsync("workflows", "stop", arn, "--error", "Cancelled", "--cause", "duplicate order");
        stop.ExitCode.ShouldBe(0, stop.Error);
        stop.Output.ShouldContain("ABORTED");
        var stopped = await _app.Workflows.DescribeExecutionAsync(arn, CancellationToken.None);
        (stopped.Status, stopped.Error, stopped.Cause).ShouldBe(("ABORTED", "Cancelled", "duplicate order"));

        var quick = await RunAsync("workflows", "start", "Quick", "--input", """{"say": "hello"}""");
        quick.ExitCode.ShouldBe(0, quick.Error);
        quick.Output.ShouldContain("SUCCEEDED");
        quick.Output.ShouldContain("""{"said":"hello"}""");
    }

    [Theory]
    [InlineData(new[] { "workflows", "start", "Nobody" }, "StateMachineDoesNotExist")]
    [InlineData(new[] { "workflows", "start", "Napping", "--input", "{not json" }, "InvalidExecutionInput")]
    [InlineData(new[] { "workflows", "describe", "no-such-execution" }, "ExecutionDoesNotExist")]
    [InlineData(new[] { "workflows", "list", "--machine", "Napping", "--status", "SLEEPING" }, "statusFilter")]
    public async Task A_mistake_names_the_aws_error_and_exits_2(string[] args, string error)
    {
        await _app.CreateAsync("Napping", Napping);

        var result = await RunAsync(args);

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain(error);
        (await _app.Database.CountAsync("SELECT COUNT(*) FROM workflow_executions WHERE machine = @machine", new { machine = "Napping" })).ShouldBe(0);
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
