using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using EcoBid.Server.Tests.Infrastructure;
using EcoBid.Server.Workflows.Contract;

namespace EcoBid.Server.Tests.Workflows;

/// <summary>Executions through the real host: transitions, idempotent names, versions, the REST API and its history pages.</summary>
public sealed class DurableLoopTests(WorkflowTestApp app) : IClassFixture<WorkflowTestApp>
{
    private const string PassChoice = """
        {"StartAt":"Add","States":{
          "Add":{"Type":"Pass","Parameters":{"n.$":"$.n","doubled.$":"States.MathAdd($.n, $.n)"},"Next":"Big?"},
          "Big?":{"Type":"Choice","Choices":[{"Variable":"$.doubled","NumericGreaterThan":10,"Next":"Big"}],"Default":"Small"},
          "Big":{"Type":"Pass","Result":"big","ResultPath":"$.size","End":true},
          "Small":{"Type":"Pass","Result":"small","ResultPath":"$.size","End":true}}}
        """;

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..30];

    [Theory]
    [InlineData(3, "small", 6)]
    [InlineData(8, "big", 16)]
    public async Task A_pass_and_choice_machine_runs_to_its_output_in_the_start_transaction(int n, string size, int doubled)
    {
        var machine = Unique("choice");
        await app.CreateAsync(machine, PassChoice);
        var arn = await app.StartAsync(machine, $$"""{"n":{{n}}}""");

        // No task and no wait: the whole run committed with the start.
        var described = await app.Workflows.DescribeExecutionAsync(arn, CancellationToken.None);
        described.Status.ShouldBe("SUCCEEDED");
        var output = JsonNode.Parse(described.Output!)!;
        output["size"]!.GetValue<string>().ShouldBe(size);
        output["doubled"]!.GetValue<int>().ShouldBe(doubled);
        var types = (await app.HistoryAsync(arn)).Select(e => e.GetProperty("type").GetString()).ToList();
        types.First().ShouldBe("ExecutionStarted");
        types.Last().ShouldBe("ExecutionSucceeded");
        types.ShouldContain("ChoiceStateEntered");
    }

    [Fact]
    public async Task A_name_with_the_same_input_is_the_same_execution_and_with_other_input_a_conflict()
    {
        var machine = Unique("idem");
        await app.CreateAsync(machine, PassChoice);
        var first = await app.StartAsync(machine, """{"n":1}""", "order-1");
        var again = await app.StartAsync(machine, """{"n":1}""", "order-1");
        again.ShouldBe(first);
        var conflict = await Should.ThrowAsync<WorkflowException>(() => app.StartAsync(machine, """{"n":2}""", "order-1"));
        conflict.Code.ShouldBe(WorkflowErrors.ExecutionAlreadyExists);
        (await app.Database.CountAsync("SELECT COUNT(*) FROM workflow_executions WHERE name = 'order-1' AND machine = @machine", new { machine })).ShouldBe(1);

        var admin = await app.AdminClientAsync();
        var problem = await (await admin.PostAsJsonAsync($"/workflows/{machine}/executions", new { name = "order-1", input = new { n = 5 } })).ShouldBeProblemAsync(409);
        problem.GetProperty("code").GetString().ShouldBe("ExecutionAlreadyExists");
    }

    [Fact]
    public async Task An_updated_definition_is_a_new_version_and_a_running_execution_keeps_its_own()
    {
        var machine = Unique("versions");
        var waiting = """{"StartAt":"Wait","States":{"Wait":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke.waitForTaskToken","Parameters":{"FunctionName":"Echo","Payload":{"token.$":"$$.Task.Token"}},"Next":"Done"},"Done":{"Type":"Pass","Result":"v1","End":true}}}""";
        var machineArn = await app.CreateAsync(machine, waiting);
        var old = await app.StartAsync(machine);
        var token = await app.WaitForTokenAsync(old);

        await app.Workflows.UpdateStateMachineAsync(new UpdateStateMachineRequest(machineArn, waiting.Replace("\"v1\"", "\"v2\"", StringComparison.Ordinal)), CancellationToken.None);
        var fresh = await app.StartAsync(machine);
        await app.Workflows.SendTaskSuccessAsync(token, "{}", CancellationToken.None);
        await app.Workflows.SendTaskSuccessAsync(await app.WaitForTokenAsync(fresh), "{}", CancellationToken.None);

        var oldRun = await app.EndedAsync(old);
        oldRun.Output.ShouldBe("\"v1\"");
        oldRun.StateMachineVersionArn.ShouldEndWith(":1");
        var newRun = await app.EndedAsync(fresh);
        newRun.Output.ShouldBe("\"v2\"");
        newRun.StateMachineVersionArn.ShouldEndWith(":2");
        (await app.Database.CountAsync("SELECT COUNT(*) FROM workflow_versions WHERE machine = @machine", new { machine })).ShouldBe(2);
    }

    [Fact]
    public async Task A_wait_state_sleeps_on_a_durable_timer_and_resumes_when_it_fires()
    {
        var machine = Unique("wait");
        await app.CreateAsync(machine, """{"StartAt":"Nap","States":{"Nap":{"Type":"Wait","Seconds":1,"Next":"Up"},"Up":{"Type":"Pass","Result":"awake","End":true}}}""");
        var started = DateTimeOffset.UtcNow;
        var arn = await app.StartAsync(machine);

        (await app.Database.CountAsync("SELECT COUNT(*) FROM timers WHERE key LIKE @key", new { key = $"workflow:{arn}:%" })).ShouldBe(1);
        (await app.Workflows.DescribeExecutionAsync(arn, CancellationToken.None)).Status.ShouldBe("RUNNING");
        var ended = await app.EndedAsync(arn);
        ended.Status.ShouldBe("SUCCEEDED");
        ended.Output.ShouldBe("\"awake\"");
        (ended.StopDate!.Value - started).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(0.9));
        (await app.Database.CountAsync("SELECT COUNT(*) FROM timers WHERE key LIKE @key", new { key = $"workflow:{arn}:%" })).ShouldBe(0);
    }

    [Fact]
    public async Task The_rest_api_starts_describes_pages_history_lists_and_stops()
    {
        var machine = Unique("rest");
        await app.CreateAsync(machine, """{"StartAt":"Nap","States":{"Nap":{"Type":"Wait","Seconds":3600,"End":true}}}""");
        var admin = await app.AdminClientAsync();
        var started = await admin.PostAsJsonAsync($"/workflows/{machine}/executions", new { name = "rest-1", input = new { hello = "world" } });
        started.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await started.ReadJsonAsync()).GetProperty("id").GetString()!;

        var described = await (await admin.GetAsync($"/workflows/executions/{id}")).ReadJsonAsync();
        described.GetProperty("status").GetString().ShouldBe("RUNNING");
        described.GetProperty("input").GetProperty("hello").GetString().ShouldBe("world");

        var running = await (await admin.GetAsync($"/workflows/{machine}/executions?status=RUNNING")).ReadJsonAsync();
        running.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetString()).ShouldBe([id]);

        (await admin.PostAsJsonAsync($"/workflows/executions/{id}/stop", new { error = "Operator", cause = "testing" })).EnsureSuccessStatusCode();
        var stopped = await (await admin.GetAsync($"/workflows/executions/{id}")).ReadJsonAsync();
        stopped.GetProperty("status").GetString().ShouldBe("ABORTED");
        stopped.GetProperty("error").GetString().ShouldBe("Operator");
        (await app.Database.CountAsync("SELECT COUNT(*) FROM timers WHERE key LIKE 'workflow:%:Nap:%'")).ShouldBe(0);

        // Two events a page: the cursor walks the whole history once, in order.
        var ids = new List<long>();
        string? cursor = null;
        do
        {
            var page = await (await admin.GetAsync($"/workflows/executions/{id}/history?limit=2{(cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor))}")).ReadJsonAsync();
            var events = page.GetProperty("events").EnumerateArray().ToList();
            events.Count.ShouldBeLessThanOrEqualTo(2);
            ids.AddRange(events.Select(e => e.GetProperty("id").GetInt64()));
            cursor = page.GetProperty("nextCursor").ValueKind == JsonValueKind.Null ? null : page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);
        ids.ShouldBe(Enumerable.Range(1, ids.Count).Select(i => (long)i).ToList());
        ids.Count.ShouldBe((int)await app.Database.CountAsync("SELECT COUNT(*) FROM workflow_history h JOIN workflow_executions e ON e.arn = h.execution WHERE e.id = @id", new { id }));

        (await app.CreateClient().GetAsync($"/workflows/executions/{id}")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var (_, someone) = await app.SignUpAsync();
        await (await someone.GetAsync($"/workflows/executions/{id}")).ShouldBeProblemAsync(404);
        (await someone.PostAsJsonAsync($"/workflows/{machine}/executions", new { })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Bad_definitions_and_bad_input_are_refused_with_the_aws_codes()
    {
        var bad = await Should.ThrowAsync<WorkflowException>(() => app.CreateAsync(Unique("bad"), """{"StartAt":"Nowhere","States":{"A":{"Type":"Pass","Next":"Missing"}}}"""));
        bad.Code.ShouldBe(WorkflowErrors.InvalidDefinition);
        bad.Message.ShouldContain("MISSING_TRANSITION_TARGET");
        var resource = await Should.ThrowAsync<WorkflowException>(() => app.CreateAsync(Unique("bad"), """{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage","End":true}}}"""));
        resource.Code.ShouldBe(WorkflowErrors.InvalidDefinition);
        resource.Message.ShouldContain("/States/T/Resource");
        var function = await Should.ThrowAsync<WorkflowException>(() => app.CreateAsync(Unique("bad"), """{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:NoSuchHandler","End":true}}}"""));
        function.Message.ShouldContain("NoSuchHandler");

        var machine = Unique("input");
        await app.CreateAsync(machine, PassChoice);
        (await Should.ThrowAsync<WorkflowException>(() => app.StartAsync(machine, "{not json"))).Code.ShouldBe(WorkflowErrors.InvalidExecutionInput);
        var huge = JsonSerializer.Serialize(new { n = 1, blob = new string('x', 300 * 1024) });
        (await Should.ThrowAsync<WorkflowException>(() => app.StartAsync(machine, huge))).Code.ShouldBe(WorkflowErrors.InvalidExecutionInput);
        (await Should.ThrowAsync<WorkflowException>(() => app.StartAsync(machine, "{}", "has space"))).Code.ShouldBe(WorkflowErrors.InvalidName);
        (await Should.ThrowAsync<WorkflowException>(() => app.StartAsync(Unique("missing")))).Code.ShouldBe(WorkflowErrors.StateMachineDoesNotExist);

        // A state whose output outgrows the payload limit fails the execution with States.DataLimitExceeded.
        var grow = Unique("grow");
        await app.CreateAsync(grow, """{"StartAt":"Grow","States":{"Grow":{"Type":"Pass","Parameters":{"a.$":"$.blob","b.$":"$.blob"},"End":true}}}""");
        var failed = await app.Workflows.DescribeExecutionAsync(await app.StartAsync(grow, JsonSerializer.Serialize(new { blob = new string('y', 200 * 1024) })), CancellationToken.None);
        failed.Status.ShouldBe("FAILED");
        failed.Error.ShouldBe("States.DataLimitExceeded");
        (await app.Database.CountAsync("SELECT COUNT(*) FROM workflow_executions WHERE machine = @machine", new { machine })).ShouldBe(0);
    }
}
