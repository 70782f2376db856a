using System.Text.Json.Nodes;

namespace EcoBid.Server.Tests.Aws;

/// <summary>Executions, task tokens and authentication through boto3 against /aws.</summary>
public sealed class Boto3ExecutionTests(AwsEndpointServer server) : IClassFixture<AwsEndpointServer>
{
    private const string Callback = """
        {"StartAt":"Ask","States":{"Ask":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke.waitForTaskToken",
          "Parameters":{"FunctionName":"Echo","Payload":{"token.$":"$$.Task.Token"}},"End":true}}}
        """;

    private const string Chain = """
        {"StartAt":"A","States":{
          "A":{"Type":"Pass","Next":"B"},"B":{"Type":"Pass","Next":"C"},"C":{"Type":"Pass","Next":"D"},
          "D":{"Type":"Pass","Result":"chained","End":true}}}
        """;

    private const string Failing = """{"StartAt":"F","States":{"F":{"Type":"Fail","Error":"Boom","Cause":"on purpose"}}}""";

    private async Task<string> CreateAsync(string prefix, string definition, string type = "STANDARD")
    {
        var created = await server.Boto3().CallAsync("create_state_machine", new { name = AwsEndpointServer.Unique(prefix), definition, roleArn = AwsEndpointServer.RoleArn, type });
        return created["stateMachineArn"]!;
    }

    [Fact]
    public async Task Executions_start_run_stop_and_are_listed_by_status()
    {
        var boto3 = server.Boto3();
        var chain = await CreateAsync("b3-chain", Chain);
        var waiting = await CreateAsync("b3-waiting", Callback);
        var results = await boto3.RunAsync(
            ("start_execution", new { stateMachineArn = chain, name = "done", input = """{"k":"v"}""" }),
            ("start_execution", new { stateMachineArn = waiting, name = "waits" }),
            ("start_execution", new { stateMachineArn = waiting, name = "stops" }));
        var done = results[0]["executionArn"]!;
        var waits = results[1]["executionArn"]!;
        var stops = results[2]["executionArn"]!;
        results[0].Date("startDate").ShouldBeInRange(DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));

        var after = await boto3.RunAsync(
            ("wait_execution", new { executionArn = done }),
            ("stop_execution", new { executionArn = stops, error = "Stopped", cause = "by the test" }),
            ("describe_execution", new { executionArn = stops }),
            ("list_executions", new { stateMachineArn = waiting, statusFilter = "RUNNING" }),
            ("list_executions", new { stateMachineArn = waiting, statusFilter = "ABORTED" }),
            ("list_executions", new { stateMachineArn = waiting }),
            ("stop_execution", new { executionArn = done }),
            ("describe_execution", new { executionArn = done }));

        after[0]["status"].ShouldBe("SUCCEEDED");
        after[0]["output"].ShouldBe("\"chained\"");
        after[0]["input"].ShouldBe("""{"k":"v"}""");
        after[0].Date("stopDate").ShouldBeGreaterThanOrEqualTo(after[0].Date("startDate"));
        after[2]["status"].ShouldBe("ABORTED");
        after[2]["error"].ShouldBe("Stopped");
        Arns(after[3]).ShouldBe([waits]);
        Arns(after[4]).ShouldBe([stops]);
        Arns(after[5]).Order().ShouldBe(new[] { waits, stops }.Order());
        after[6].Date("stopDate").ShouldBe(after[0].Date("stopDate")); // stopping a closed execution changes nothing
        after[7]["status"].ShouldBe("SUCCEEDED");
    }

    [Fact]
    public async Task The_history_pages_with_next_token_and_each_page_holds_at_most_max_results()
    {
        var boto3 = server.Boto3();
        var machine = await CreateAsync("b3-history", Chain);
        var execution = (await boto3.CallAsync("start_execution", new { stateMachineArn = machine }))["executionArn"]!;
        (await boto3.CallAsync("wait_execution", new { executionArn = execution }))["status"].ShouldBe("SUCCEEDED");

        var ids = new List<long>();
        var types = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = token is null
                ? await boto3.CallAsync("get_execution_history", new { executionArn = execution, maxResults = 3 })
                : await boto3.CallAsync("get_execution_history", new { executionArn = execution, maxResults = 3, nextToken = token });
            var events = page.Ok["events"]!.AsArray();
            events.Count.ShouldBeLessThanOrEqualTo(3);
            ids.AddRange(events.Select(e => e!["id"]!.GetValue<long>()));
            types.AddRange(events.Select(e => e!["type"]!.GetValue<string>()));
            token = page["nextToken"];
            pages++;
        }
        while (token is not null && pages < 20);

        pages.ShouldBe(4);
        ids.ShouldBe(Enumerable.Range(1, 10).Select(i => (long)i));
        types.ShouldBe([
            "ExecutionStarted", "PassStateEntered", "PassStateExited", "PassStateEntered", "PassStateExited",
            "PassStateEntered", "PassStateExited", "PassStateEntered", "PassStateExited", "ExecutionSucceeded"]);
        (await boto3.CallAsync("get_execution_history", new { executionArn = execution, nextToken = "not-a-token" })).ErrorCode.ShouldBe("InvalidToken");
    }

    [Fact]
    public async Task A_failing_express_machine_answers_synchronously_with_its_error()
    {
        var boto3 = server.Boto3();
        var express = await CreateAsync("b3-express", Failing, "EXPRESS");
        var standard = await CreateAsync("b3-standard", Failing);
        var results = await boto3.RunAsync(
            ("start_sync_execution", new { stateMachineArn = express, input = "{}" }),
            ("start_sync_execution", new { stateMachineArn = standard, input = "{}" }));

        results[0]["status"].ShouldBe("FAILED");
        results[0]["error"].ShouldBe("Boom");
        results[0]["cause"].ShouldBe("on purpose");
        results[0].Date("stopDate").ShouldBeGreaterThanOrEqualTo(results[0].Date("startDate"));
        results[1].ErrorCode.ShouldBe("StateMachineTypeNotSupported");
    }

    [Fact]
    public async Task Task_tokens_are_answered_through_boto3()
    {
        var boto3 = server.Boto3();
        var machine = await CreateAsync("b3-token", Callback);
        var execution = (await boto3.CallAsync("start_execution", new { stateMachineArn = machine }))["executionArn"]!;
        var token = await server.App.WaitForTokenAsync(execution);

        var results = await boto3.RunAsync(
            ("send_task_heartbeat", new { taskToken = token }),
            ("send_task_success", new { taskToken = token, output = """{"answer":42}""" }),
            ("wait_execution", new { executionArn = execution }),
            ("send_task_failure", new { taskToken = token, error = "Late" }));

        results[0].Ok.Count.ShouldBe(0);
        results[1].Ok.Count.ShouldBe(0);
        results[2]["status"].ShouldBe("SUCCEEDED");
        JsonNode.Parse(results[2]["output"]!)!["answer"]!.GetValue<int>().ShouldBe(42);
        results[3].ErrorCode.ShouldBe("TaskDoesNotExist");
    }

    [Fact]
    public async Task Requests_without_or_with_a_wrong_signature_are_refused_as_AWS_refuses_them()
    {
        var unsigned = await server.Boto3(withoutSignature: true).CallAsync("list_state_machines");
        unsigned.ErrorCode.ShouldBe("MissingAuthenticationTokenException");
        unsigned.ErrorStatus.ShouldBe(400);

        var wrongSecret = await server.Boto3(secret: "not-the-secret").CallAsync("list_state_machines");
        wrongSecret.ErrorCode.ShouldBe("InvalidSignatureException");
        wrongSecret.ErrorMessage.ShouldStartWith("The request signature we calculated does not match the signature you provided.");
        wrongSecret.ErrorStatus.ShouldBe(400);

        var unknownKey = await server.Boto3(accessKey: "AKIAUNKNOWNKEY000000").CallAsync("list_state_machines");
        unknownKey.ErrorCode.ShouldBe("UnrecognizedClientException");
        unknownKey.ErrorMessage.ShouldBe("The security token included in the request is invalid.");

        var otherRegion = await server.Boto3(region: "eu-west-1").CallAsync("list_state_machines");
        otherRegion.ErrorCode.ShouldBe("InvalidSignatureException");
        otherRegion.ErrorMessage.ShouldContain("Credential should be scoped to a valid region");
    }

    [Fact]
    public async Task Inputs_boto3_would_refuse_are_refused_by_the_server_with_a_validation_exception()
    {
        var result = await server.Boto3(parameterValidation: false).CallAsync("describe_execution", new { executionArn = "" });

        result.ErrorCode.ShouldBe("ValidationException");
        result.ErrorMessage.ShouldBe("1 validation error detected: Value '' at 'executionArn' failed to satisfy constraint: Member must have length greater than or equal to 1");
    }

    private static List<string> Arns(Boto3Result list) =>
        list.Ok["executions"]!.AsArray().Select(e => e!["executionArn"]!.GetValue<string>()).ToList();
}
