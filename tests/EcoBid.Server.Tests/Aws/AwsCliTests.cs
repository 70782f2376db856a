using System.Text.Json.Nodes;

namespace EcoBid.Server.Tests.Aws;

/// <summary>The AWS CLI itself (<c>aws stepfunctions … --endpoint-url …/aws</c>) against the running server.</summary>
public sealed class AwsCliTests(AwsEndpointServer server) : IClassFixture<AwsEndpointServer>
{
    private const string Pass = """{"StartAt":"P","States":{"P":{"Type":"Pass","Result":{"v":1},"End":true}}}""";
    private const string PassV2 = """{"StartAt":"P","States":{"P":{"Type":"Pass","Result":{"v":2},"End":true}}}""";

    private const string Callback = """
        {"StartAt":"Ask","States":{"Ask":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke.waitForTaskToken",
          "Parameters":{"FunctionName":"Echo","Payload":{"token.$":"$$.Task.Token"}},"End":true}}}
        """;

    private const string Chain = """
        {"StartAt":"A","States":{
          "A":{"Type":"Pass","Next":"B"},"B":{"Type":"Pass","Next":"C"},"C":{"Type":"Pass","Next":"D"},
          "D":{"Type":"Pass","Result":"chained","End":true}}}
        """;

    private const string Adder = """{"StartAt":"Add","States":{"Add":{"Type":"Pass","Parameters":{"sum.$":"States.MathAdd($.a, $.b)"},"End":true}}}""";

    private async Task<string> CreateAsync(string name, string definition, string type = "STANDARD")
    {
        var created = await server.Cli().RunAsync("create-state-machine", "--name", name, "--definition", definition,
            "--role-arn", AwsEndpointServer.RoleArn, "--type", type);
        return created["stateMachineArn"]!;
    }

    [Fact]
    public async Task State_machines_are_created_described_updated_listed_and_deleted()
    {
        var cli = server.Cli();
        var name = AwsEndpointServer.Unique("cli-machine");
        var arn = await CreateAsync(name, Pass);
        arn.ShouldBe(server.MachineArn(name));

        var described = await cli.RunAsync("describe-state-machine", "--state-machine-arn", arn);
        described["name"].ShouldBe(name);
        described["definition"].ShouldBe(Pass);
        described["status"].ShouldBe("ACTIVE");

        (await cli.RunAsync("update-state-machine", "--state-machine-arn", arn, "--definition", PassV2)).Json.ContainsKey("updateDate").ShouldBeTrue();
        (await cli.RunAsync("describe-state-machine", "--state-machine-arn", arn))["definition"].ShouldBe(PassV2);

        var listed = (await cli.RunAsync("list-state-machines")).Json["stateMachines"]!.AsArray();
        listed.Select(m => m!["stateMachineArn"]!.GetValue<string>()).ShouldContain(arn);

        (await cli.RunAsync("delete-state-machine", "--state-machine-arn", arn)).ExitCode.ShouldBe(0);
        (await cli.RunAsync("describe-state-machine", "--state-machine-arn", arn)).ShouldFailWith("StateMachineDoesNotExist");
    }

    [Fact]
    public async Task An_execution_is_started_described_listed_by_status_and_stopped()
    {
        var cli = server.Cli();
        var arn = await CreateAsync(AwsEndpointServer.Unique("cli-stop"), Callback);
        var started = await cli.RunAsync("start-execution", "--state-machine-arn", arn, "--name", "first", "--input", """{"n":1}""");
        var execution = started["executionArn"]!;

        var running = await cli.RunAsync("describe-execution", "--execution-arn", execution);
        running["status"].ShouldBe("RUNNING");
        running["input"].ShouldBe("""{"n":1}""");
        running["stateMachineArn"].ShouldBe(arn);
        (await ListedAsync(cli, arn, "RUNNING")).ShouldContain(execution);
        (await ListedAsync(cli, arn, "ABORTED")).ShouldNotContain(execution);

        (await cli.RunAsync("stop-execution", "--execution-arn", execution, "--error", "Operator", "--cause", "no longer needed")).Json.ContainsKey("stopDate").ShouldBeTrue();

        var stopped = await cli.RunAsync("describe-execution", "--execution-arn", execution);
        stopped["status"].ShouldBe("ABORTED");
        stopped["error"].ShouldBe("Operator");
        stopped["cause"].ShouldBe("no longer needed");
        (await ListedAsync(cli, arn, "ABORTED")).ShouldContain(execution);
        (await ListedAsync(cli, arn, "RUNNING")).ShouldNotContain(execution);
    }

    [Fact]
    public async Task The_same_name_with_the_same_input_is_the_same_execution_and_with_another_input_already_exists()
    {
        var cli = server.Cli();
        var arn = await CreateAsync(AwsEndpointServer.Unique("cli-name"), Callback);
        var first = (await cli.RunAsync("start-execution", "--state-machine-arn", arn, "--name", "once", "--input", """{"n":1}"""))["executionArn"];
        var again = (await cli.RunAsync("start-execution", "--state-machine-arn", arn, "--name", "once", "--input", """{"n":1}"""))["executionArn"];
        again.ShouldBe(first);

        var other = await cli.RunAsync("start-execution", "--state-machine-arn", arn, "--name", "once", "--input", """{"n":2}""");
        other.ShouldFailWith("ExecutionAlreadyExists");
        other.Error.ShouldContain($"Execution Already Exists: '{first}'");
        (await ListedAsync(cli, arn, "RUNNING")).Count(e => e == first).ShouldBe(1);
    }

    [Fact]
    public async Task The_history_is_read_page_by_page()
    {
        var cli = server.Cli();
        var arn = await CreateAsync(AwsEndpointServer.Unique("cli-history"), Chain);
        var execution = (await cli.RunAsync("start-execution", "--state-machine-arn", arn))["executionArn"]!;
        var ended = await server.App.EndedAsync(execution);
        ended.Status.ShouldBe("SUCCEEDED");
        var expected = (await server.App.HistoryAsync(execution)).Count;
        expected.ShouldBe(10); // started, 4 × entered/exited, succeeded

        // --page-size makes the CLI ask for 2 events a call and follow nextToken until the server gives none.
        var paged = (await cli.RunAsync("get-execution-history", "--execution-arn", execution, "--page-size", "2")).Json["events"]!.AsArray();
        paged.Select(e => e!["id"]!.GetValue<long>()).ShouldBe(Enumerable.Range(1, expected).Select(i => (long)i));
        paged[0]!["type"]!.GetValue<string>().ShouldBe("ExecutionStarted");
        paged[^1]!["type"]!.GetValue<string>().ShouldBe("ExecutionSucceeded");

        // One page only: the server's own nextToken comes back.
        var first = (await cli.RunAsync("get-execution-history", "--execution-arn", execution, "--max-results", "3", "--no-paginate")).Json;
        first["events"]!.AsArray().Count.ShouldBe(3);
        var token = first["nextToken"]!.GetValue<string>();
        var second = (await cli.RunAsync("get-execution-history", "--execution-arn", execution, "--max-results", "3", "--next-token", token, "--no-paginate")).Json;
        second["events"]!.AsArray().Select(e => e!["id"]!.GetValue<long>()).ShouldBe([4L, 5L, 6L]);

        var reversed = (await cli.RunAsync("get-execution-history", "--execution-arn", execution, "--reverse-order", "--page-size", "4")).Json["events"]!.AsArray();
        reversed.Select(e => e!["id"]!.GetValue<long>()).ShouldBe(Enumerable.Range(1, expected).Reverse().Select(i => (long)i));
    }

    [Fact]
    public async Task An_express_machine_runs_synchronously()
    {
        var arn = await CreateAsync(AwsEndpointServer.Unique("cli-express"), Adder, "EXPRESS");
        var result = await server.Cli().RunAsync("start-sync-execution", "--state-machine-arn", arn, "--input", """{"a":2,"b":40}""");

        result["status"].ShouldBe("SUCCEEDED");
        JsonNode.Parse(result["output"]!)!["sum"]!.GetValue<int>().ShouldBe(42);
        result["executionArn"]!.ShouldStartWith($"arn:aws:states:{AwsEndpointServer.Region}:123456789012:express:");
    }

    [Fact]
    public async Task Task_tokens_are_answered_with_heartbeat_success_and_failure()
    {
        var cli = server.Cli();
        var arn = await CreateAsync(AwsEndpointServer.Unique("cli-token"), Callback);
        var succeeding = (await cli.RunAsync("start-execution", "--state-machine-arn", arn, "--name", "ok"))["executionArn"]!;
        var failing = (await cli.RunAsync("start-execution", "--state-machine-arn", arn, "--name", "bad"))["executionArn"]!;
        var okToken = await server.App.WaitForTokenAsync(succeeding);
        var badToken = await server.App.WaitForTokenAsync(failing);

        (await cli.RunAsync("send-task-heartbeat", "--task-token", okToken)).ExitCode.ShouldBe(0);
        (await cli.RunAsync("send-task-success", "--task-token", okToken, "--task-output", """{"approved":true}""")).ExitCode.ShouldBe(0);
        (await cli.RunAsync("send-task-failure", "--task-token", badToken, "--error", "Rejected", "--cause", "the seller said no")).ExitCode.ShouldBe(0);

        var succeeded = await server.App.EndedAsync(succeeding);
        succeeded.Status.ShouldBe("SUCCEEDED");
        JsonNode.Parse(succeeded.Output!)!["approved"]!.GetValue<bool>().ShouldBeTrue();
        var failed = await server.App.EndedAsync(failing);
        failed.Status.ShouldBe("FAILED");
        failed.Error.ShouldBe("Rejected");
        failed.Cause.ShouldBe("the seller said no");

        (await cli.RunAsync("send-task-success", "--task-token", okToken, "--task-output", "{}")).ShouldFailWith("TaskDoesNotExist");
        (await cli.RunAsync("send-task-heartbeat", "--task-token", "not-a-token")).ShouldFailWith("InvalidToken");
    }

    [Fact]
    public async Task Errors_come_back_with_AWS_codes()
    {
        var cli = server.Cli();
        var missing = server.MachineArn(AwsEndpointServer.Unique("missing"));
        var start = await cli.RunAsync("start-execution", "--state-machine-arn", missing);
        start.ShouldFailWith("StateMachineDoesNotExist");
        start.Error.ShouldContain($"State Machine Does Not Exist: '{missing}'");

        var invalid = await cli.RunAsync("create-state-machine", "--name", AwsEndpointServer.Unique("invalid"),
            "--definition", """{"StartAt":"Nowhere","States":{"P":{"Type":"Pass","End":true}}}""", "--role-arn", AwsEndpointServer.RoleArn);
        invalid.ShouldFailWith("InvalidDefinition");

        (await cli.RunAsync("describe-execution", "--execution-arn", server.ExecutionArn("nothing", "nobody"))).ShouldFailWith("ExecutionDoesNotExist");
        (await server.Cli(secret: "not-the-secret").RunAsync("list-state-machines")).ShouldFailWith("InvalidSignatureException");
        (await server.Cli(accessKey: "AKIAUNKNOWNKEY000000").RunAsync("list-state-machines")).ShouldFailWith("UnrecognizedClientException");
    }

    private static async Task<List<string>> ListedAsync(AwsCli cli, string machine, string status) =>
        (await cli.RunAsync("list-executions", "--state-machine-arn", machine, "--status-filter", status)).Json["executions"]!.AsArray()
            .Select(e => e!["executionArn"]!.GetValue<string>()).ToList();
}
