using System.Text.Json.Nodes;
using Dapper;
using EcoBid.Server.Tests.Infrastructure;
using EcoBid.Server.Workflows.Contract;

namespace EcoBid.Server.Tests.Workflows;

/// <summary>Each task resource EcoBid runs, through the real host.</summary>
public sealed class TaskResourceTests(WorkflowTestApp app) : IClassFixture<WorkflowTestApp>
{
    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..30];

    private async Task<ExecutionDescription> RunAsync(string definition, string input = "{}", string type = "STANDARD")
    {
        var machine = Unique("task");
        await app.CreateAsync(machine, definition, type);
        return await app.EndedAsync(await app.StartAsync(machine, input));
    }

    private static JsonNode Output(ExecutionDescription execution) => JsonNode.Parse(execution.Output ?? "null")!;

    [Fact]
    public async Task Lambda_invoke_answers_in_lambdas_shape_and_a_function_arn_with_the_bare_output()
    {
        var invoked = await RunAsync("""{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"Echo","Payload.$":"$"},"End":true}}}""", """{"a":1}""");
        invoked.Status.ShouldBe("SUCCEEDED");
        Output(invoked)["StatusCode"]!.GetValue<int>().ShouldBe(200);
        Output(invoked)["Payload"]!["echo"]!["a"]!.GetValue<int>().ShouldBe(1);

        var direct = await RunAsync("""{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:Echo","End":true}}}""", """{"b":2}""");
        Output(direct)["echo"]!["b"]!.GetValue<int>().ShouldBe(2);
        (await app.HistoryAsync(direct.ExecutionArn)).Select(e => e.GetProperty("type").GetString()).ShouldContain("LambdaFunctionSucceeded");
        (await app.Database.CountAsync("SELECT COUNT(*) FROM echo_calls WHERE invocation LIKE @arn", new { arn = direct.ExecutionArn + ":%" })).ShouldBe(1);
    }

    [Fact]
    public async Task A_failing_handler_rolls_back_its_writes_and_its_error_name_is_retried_and_caught()
    {
        var named = await RunAsync("""
            {"StartAt":"T","States":{
              "T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:Fail",
                   "Retry":[{"ErrorEquals":["Item.Invalid"],"IntervalSeconds":1,"MaxAttempts":1}],
                   "Catch":[{"ErrorEquals":["Item.Invalid"],"ResultPath":"$.caught","Next":"Caught"}],"End":true},
              "Caught":{"Type":"Pass","End":true}}}
            """, """{"error":"Item.Invalid"}""");
        named.Status.ShouldBe("SUCCEEDED");
        Output(named)["caught"]!["Error"]!.GetValue<string>().ShouldBe("Item.Invalid");
        (await app.Database.CountAsync("SELECT COUNT(*) FROM echo_calls WHERE invocation LIKE @arn", new { arn = named.ExecutionArn + ":%" })).ShouldBe(0);

        var unhandled = await RunAsync("""{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"Fail","Payload":{}},"End":true}}}""");
        unhandled.Status.ShouldBe("FAILED");
        unhandled.Error.ShouldBe("InvalidOperationException");
        JsonNode.Parse(unhandled.Cause!)!["errorMessage"]!.GetValue<string>().ShouldBe("the task broke");

        var missing = await RunAsync("""{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"Nobody"},"End":true}}}""");
        missing.Error.ShouldBe("Lambda.ResourceNotFoundException");
    }

    [Fact]
    public async Task Put_events_publishes_through_the_outbox_and_answers_the_event_ids()
    {
        var run = await RunAsync("""
            {"StartAt":"P","States":{"P":{"Type":"Task","Resource":"arn:aws:states:::events:putEvents",
              "Parameters":{"Entries":[{"Source":"test.workflows","DetailType":"WorkflowPinged","Detail":{"ping.$":"$.ping"}}]},"End":true}}}
            """, """{"ping":"pong"}""");
        run.Status.ShouldBe("SUCCEEDED");
        Output(run)["FailedEntryCount"]!.GetValue<int>().ShouldBe(0);
        var id = Output(run)["Entries"]![0]!["EventId"]!.GetValue<string>();
        var envelope = await app.Database.ReadAsync(c => c.QuerySingleAsync<string>(PortableSql.For(
            c, "SELECT envelope FROM (SELECT envelope FROM outbox UNION ALL SELECT envelope FROM event_archive) AS events WHERE json_extract(envelope, '$.id') = @id"), new { id }));
        var published = JsonNode.Parse(envelope)!;
        published["detail-type"]!.GetValue<string>().ShouldBe("WorkflowPinged");
        published["source"]!.GetValue<string>().ShouldBe("test.workflows");
        published["detail"]!["ping"]!.GetValue<string>().ShouldBe("pong");

        var invalid = await RunAsync("""{"StartAt":"P","States":{"P":{"Type":"Task","Resource":"arn:aws:states:::events:putEvents","Parameters":{"Entries":[{"Detail":{}}]},"End":true}}}""");
        invalid.Error.ShouldBe("EventBridge.FailedEntry");
    }

    [Fact]
    public async Task Start_execution_sync_2_waits_for_the_child_and_takes_its_output()
    {
        var child = Unique("child");
        var childArn = await app.CreateAsync(child, """{"StartAt":"Nap","States":{"Nap":{"Type":"Wait","Seconds":1,"Next":"Out"},"Out":{"Type":"Pass","Parameters":{"got.$":"$.x"},"End":true}}}""");
        var parent = await RunAsync("""
            {"StartAt":"Child","States":{"Child":{"Type":"Task","Resource":"arn:aws:states:::states:startExecution.sync:2",
              "Parameters":{"StateMachineArn":"CHILD","Input":{"x.$":"$.x"}},"OutputPath":"$.Output","End":true}}}
            """.Replace("CHILD", childArn, StringComparison.Ordinal), """{"x":42}""");
        parent.Status.ShouldBe("SUCCEEDED");
        Output(parent)["got"]!.GetValue<int>().ShouldBe(42);

        var fireAndForget = await RunAsync("""{"StartAt":"Child","States":{"Child":{"Type":"Task","Resource":"arn:aws:states:::states:startExecution","Parameters":{"StateMachineArn":"CHILD","Input":{"x":1}},"End":true}}}""".Replace("CHILD", childArn, StringComparison.Ordinal));
        var started = Output(fireAndForget)["ExecutionArn"]!.GetValue<string>();
        (await app.EndedAsync(started)).Output.ShouldBe("""{"got":1}""");

        var failing = Unique("fails");
        var failingArn = await app.CreateAsync(failing, """{"StartAt":"F","States":{"F":{"Type":"Fail","Error":"Child.Broke","Cause":"on purpose"}}}""");
        var caught = await RunAsync("""{"StartAt":"Child","States":{"Child":{"Type":"Task","Resource":"arn:aws:states:::states:startExecution.sync:2","Parameters":{"StateMachineArn":"CHILD"},"End":true}}}""".Replace("CHILD", failingArn, StringComparison.Ordinal));
        caught.Error.ShouldBe("States.TaskFailed");
        JsonNode.Parse(caught.Cause!)!["Error"]!.GetValue<string>().ShouldBe("Child.Broke");
    }

    [Fact]
    public async Task Callbacks_succeed_once_and_refuse_unknown_spent_and_timed_out_tokens()
    {
        var machine = Unique("callback");
        await app.CreateAsync(machine, """
            {"StartAt":"Ask","States":{"Ask":{"Type":"Task","Resource":"arn:aws:states:::events:putEvents.waitForTaskToken",
              "Parameters":{"Entries":[{"Source":"test.workflows","DetailType":"Asked","Detail":{"token.$":"$$.Task.Token"}}]},"End":true}}}
            """);
        var arn = await app.StartAsync(machine);
        var token = await app.WaitForTokenAsync(arn);
        (await Should.ThrowAsync<WorkflowException>(() => app.Workflows.SendTaskSuccessAsync("not-a-token", "{}", CancellationToken.None))).Code.ShouldBe(WorkflowErrors.InvalidToken);
        (await Should.ThrowAsync<WorkflowException>(() => app.Workflows.SendTaskSuccessAsync(token, "{oops", CancellationToken.None))).Code.ShouldBe(WorkflowErrors.InvalidOutput);
        await app.Workflows.SendTaskHeartbeatAsync(token, CancellationToken.None);
        await app.Workflows.SendTaskSuccessAsync(token, """{"answer":"yes"}""", CancellationToken.None);
        (await app.EndedAsync(arn)).Output.ShouldBe("""{"answer":"yes"}""");
        (await Should.ThrowAsync<WorkflowException>(() => app.Workflows.SendTaskSuccessAsync(token, "{}", CancellationToken.None))).Code.ShouldBe(WorkflowErrors.TaskDoesNotExist);

        var beating = Unique("heartbeat");
        await app.CreateAsync(beating, """
            {"StartAt":"Ask","States":{"Ask":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke.waitForTaskToken","HeartbeatSeconds":1,
              "Parameters":{"FunctionName":"Echo","Payload":{"token.$":"$$.Task.Token"}},"End":true}}}
            """);
        var late = await app.StartAsync(beating);
        var lateToken = await app.WaitForTokenAsync(late);
        var timedOut = await app.EndedAsync(late);
        timedOut.Status.ShouldBe("FAILED");
        timedOut.Error.ShouldBe("States.HeartbeatTimeout");
        (await Should.ThrowAsync<WorkflowException>(() => app.Workflows.SendTaskSuccessAsync(lateToken, "{}", CancellationToken.None))).Code.ShouldBe(WorkflowErrors.TaskTimedOut);
        (await Should.ThrowAsync<WorkflowException>(() => app.Workflows.SendTaskFailureAsync(lateToken, "E", "c", CancellationToken.None))).Code.ShouldBe(WorkflowErrors.TaskTimedOut);
    }

    [Fact]
    public async Task An_express_machine_runs_in_memory_with_no_history_rows()
    {
        var machine = Unique("express");
        var machineArn = await app.CreateAsync(machine, """{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:Echo","Next":"W"},"W":{"Type":"Wait","Seconds":0,"End":true}}}""", "EXPRESS");
        var result = await app.Workflows.StartSyncExecutionAsync(new StartExecutionRequest(machineArn, null, """{"q":7}"""), CancellationToken.None);
        result.Status.ShouldBe("SUCCEEDED");
        JsonNode.Parse(result.Output!)!["echo"]!["q"]!.GetValue<int>().ShouldBe(7);
        result.ExecutionArn.ShouldContain(":express:");
        (await app.Database.CountAsync("SELECT COUNT(*) FROM workflow_executions WHERE machine = @machine", new { machine })).ShouldBe(0);

        var refused = await Should.ThrowAsync<WorkflowException>(() => app.CreateAsync(Unique("express"), """{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke.waitForTaskToken","Parameters":{"FunctionName":"Echo"},"End":true}}}""", "EXPRESS"));
        refused.Code.ShouldBe(WorkflowErrors.InvalidDefinition);
    }
}
