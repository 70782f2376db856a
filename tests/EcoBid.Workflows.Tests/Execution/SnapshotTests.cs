using EcoBid.Workflows.Execution;
using EcoBid.Workflows.Tests.Support;

namespace EcoBid.Workflows.Tests.Execution;

/// <summary>
/// A machine run straight through equals the same machine run with the snapshot serialised and read back between
/// every step (what a host does across kill -9).
/// </summary>
public class SnapshotTests
{
    public static TheoryData<string, string> Machines => new()
    {
        {
            """
            {"TimeoutSeconds":100000,"StartAt":"Init","States":{
              "Init":{"Type":"Pass","Assign":{"total":0},"Parameters":{"items.$":"$.items","n.$":"States.ArrayLength($.items)"},"Next":"Map"},
              "Map":{"Type":"Map","ItemsPath":"$.items","MaxConcurrency":2,"ResultPath":"$.results",
                "ItemSelector":{"v.$":"$$.Map.Item.Value","i.$":"$$.Map.Item.Index"},
                "ItemProcessor":{"StartAt":"Work","States":{
                  "Work":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Retry":[{"ErrorEquals":["Flaky"],"IntervalSeconds":3,"MaxAttempts":2}],"Next":"Nap"},
                  "Nap":{"Type":"Wait","Seconds":7,"End":true}}},
                "Next":"Both"},
              "Both":{"Type":"Parallel","ResultPath":"$.both","Branches":[
                {"StartAt":"Left","States":{"Left":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","End":true}}},
                {"StartAt":"Right","States":{"Right":{"Type":"Wait","Seconds":2,"End":true}}}],
                "Catch":[{"ErrorEquals":["States.ALL"],"ResultPath":"$.error","Next":"Check"}],"Next":"Check"},
              "Check":{"Type":"Choice","Choices":[{"Variable":"$.error","IsPresent":true,"Next":"Bad"}],"Default":"Good"},
              "Good":{"Type":"Pass","Parameters":{"count.$":"States.ArrayLength($.results)","both.$":"$.both"},"End":true},
              "Bad":{"Type":"Fail","ErrorPath":"$.error.Error","CausePath":"$.error.Cause"}}}
            """,
            """{"items":[1,2,3,4,5]}"""
        },
        {
            """{"StartAt":"L","States":{"L":{"Type":"Pass","Result":1,"Next":"W"},"W":{"Type":"Wait","Seconds":1,"Next":"T"},"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","TimeoutSeconds":5,"Retry":[{"ErrorEquals":["States.Timeout"],"MaxAttempts":1}],"End":true}}}""",
            "{}"
        },
    };

    private static Func<EcoBid.Workflows.Execution.InvokeTask, TaskResult> Tasks()
    {
        var seen = new Dictionary<string, int>();
        return invoke =>
        {
            var v = invoke.Arguments is System.Text.Json.Nodes.JsonObject o ? o["v"] : null;
            var key = invoke.StateName + (v?.ToJsonString() ?? "");
            seen[key] = seen.GetValueOrDefault(key) + 1;
            if (invoke.StateName == "T" && seen[key] == 1) return TaskResult.Hang;
            if (invoke.StateName == "Work" && v?.GetValue<int>() == 3 && seen[key] < 3) return TaskResult.Fail("Flaky", "try again");
            if (invoke.StateName == "Left") return TaskResult.Fail("LeftFailed", "no");
            return TaskResult.Ok(invoke.Arguments);
        };
    }

    [Theory]
    [MemberData(nameof(Machines))]
    public void Round_tripping_the_snapshot_between_every_step_changes_nothing(string definition, string input)
    {
        var straight = new Host(definition, Tasks());
        var a = straight.Run(input);
        var persisted = new Host(definition, Tasks(), roundTrip: true);
        var b = persisted.Run(input);

        b.Status.ShouldBe(a.Status);
        Support.Machines.Json(b.Output).ShouldBe(Support.Machines.Json(a.Output));
        b.Error.ShouldBe(a.Error);
        persisted.History.Select(e => e.ToJson().ToJsonString()).ShouldBe(straight.History.Select(e => e.ToJson().ToJsonString()));
        persisted.Invocations.Select(i => i.InvocationId).ShouldBe(straight.Invocations.Select(i => i.InvocationId));
        straight.Steps.ShouldBeGreaterThanOrEqualTo(5);
    }

    [Fact]
    public void A_snapshot_taken_mid_execution_resumes_to_the_same_result()
    {
        const string definition = """{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","ResultPath":"$.r","Next":"W"},"W":{"Type":"Wait","Seconds":3,"End":true}}}""";
        var host = new Host(definition, _ => TaskResult.Hang);
        host.Start("""{"a":1}""");
        var json = host.Snapshot!.Serialize();
        var restored = ExecutionSnapshot.Deserialize(json);
        restored.Serialize().ShouldBe(json);
        var invocation = host.Invocations.Single().InvocationId;
        var env = new WorkflowEnvironment { Now = host.Now };
        var advance = WorkflowInterpreter.Resume(host.Definition, restored, new TaskSucceeded(invocation, 5), env);
        advance.Commands.OfType<StartTimer>().Single().DueAt.ShouldBe(host.Now.AddSeconds(3));
        var timer = advance.Commands.OfType<StartTimer>().Single().TimerId;
        var again = ExecutionSnapshot.Deserialize(advance.Snapshot.Serialize());
        var done = WorkflowInterpreter.Resume(host.Definition, again, new TimerFired(timer), env);
        done.Status.ShouldBe(ExecutionStatus.Succeeded);
        done.Output.ShouldBeJson("""{"a":1,"r":5}""");
    }

    [Fact]
    public void Duplicate_and_stale_signals_are_ignored()
    {
        var host = new Host(Support.Machines.OneState("""{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","End":true}"""), _ => TaskResult.Hang);
        host.Start();
        var id = host.Invocations.Single().InvocationId;
        host.Signal(new TaskSucceeded("unknown", 1)).Events.ShouldBeEmpty();
        host.Signal(new TaskSucceeded(id, 1)).Status.ShouldBe(ExecutionStatus.Succeeded);
        var duplicate = host.Signal(new TaskSucceeded(id, 2));
        duplicate.Events.ShouldBeEmpty();
        duplicate.Output.ShouldBeJson("1");
    }
}
