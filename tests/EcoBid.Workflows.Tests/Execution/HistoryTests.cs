using EcoBid.Workflows.Execution;
using EcoBid.Workflows.Tests.Support;

namespace EcoBid.Workflows.Tests.Execution;

/// <summary>History event sequences and their id / previousEventId chains for small machines.</summary>
public class HistoryTests
{
    private static string Chain(Host host) => string.Join(" ", host.History.Select(e => $"{e.Id}:{e.Type}<{e.PreviousEventId}"));

    [Fact]
    public void Pass_then_succeed()
    {
        var host = new Host("""{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Succeed"}}}""");
        host.Run("""{"x":1}""");
        Chain(host).ShouldBe("1:ExecutionStarted<0 2:PassStateEntered<1 3:PassStateExited<2 4:SucceedStateEntered<3 5:SucceedStateExited<4 6:ExecutionSucceeded<5");
        var entered = host.History[1].ToJson();
        entered["timestamp"]!.GetValue<string>().ShouldBe("2026-01-02T03:04:05.000Z");
        entered["type"]!.GetValue<string>().ShouldBe("PassStateEntered");
        var details = entered["stateEnteredEventDetails"]!;
        details["name"]!.GetValue<string>().ShouldBe("A");
        details["input"]!.GetValue<string>().ShouldBe("""{"x":1}""");
        details["inputDetails"]!["truncated"]!.GetValue<bool>().ShouldBeFalse();
        host.History[0].ToJson()["executionStartedEventDetails"]!["roleArn"]!.GetValue<string>().ShouldBe("arn:aws:iam::123456789012:role/Role");
    }

    [Fact]
    public void Task_events_carry_resource_type_and_parameters()
    {
        var host = new Host(Machines.OneState("""{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"f"},"End":true}"""), _ => TaskResult.Ok("\"r\""));
        host.Run();
        Chain(host).ShouldBe("1:ExecutionStarted<0 2:TaskStateEntered<1 3:TaskScheduled<2 4:TaskStarted<3 5:TaskSucceeded<4 6:TaskStateExited<5 7:ExecutionSucceeded<6");
        var scheduled = host.History[2].ToJson()["taskScheduledEventDetails"]!;
        scheduled["resourceType"]!.GetValue<string>().ShouldBe("lambda");
        scheduled["resource"]!.GetValue<string>().ShouldBe("invoke");
        scheduled["parameters"]!.GetValue<string>().ShouldBe("""{"FunctionName":"f"}""");
    }

    [Fact]
    public void A_Lambda_function_ARN_used_directly_gets_LambdaFunction_events()
    {
        const string arn = "arn:aws:lambda:us-east-1:123456789012:function:HelloWorld";
        var host = new Host(Machines.OneState($$"""{"Type":"Task","Resource":"{{arn}}","TimeoutSeconds":30,"End":true}"""), _ => TaskResult.Ok("\"hi\""));
        host.Run("""{"who":"AWS"}""");
        string.Join(" ", host.EventTypes).ShouldBe(
            "ExecutionStarted TaskStateEntered LambdaFunctionScheduled LambdaFunctionStarted LambdaFunctionSucceeded TaskStateExited ExecutionSucceeded");
        var scheduled = host.History[2].ToJson()["lambdaFunctionScheduledEventDetails"]!;
        scheduled["resource"]!.GetValue<string>().ShouldBe(arn);
        scheduled["input"]!.GetValue<string>().ShouldBe("""{"who":"AWS"}""");
        scheduled["timeoutInSeconds"]!.GetValue<int>().ShouldBe(30);
        host.History[4].ToJson()["lambdaFunctionSucceededEventDetails"]!["output"]!.GetValue<string>().ShouldBe("\"hi\"");
    }

    [Fact]
    public void Failing_state_ends_with_ExecutionFailed_and_no_exit()
    {
        var host = new Host("""{"StartAt":"F","States":{"F":{"Type":"Fail","Error":"E","Cause":"C"}}}""");
        host.Run();
        Chain(host).ShouldBe("1:ExecutionStarted<0 2:FailStateEntered<1 3:ExecutionFailed<2");
        var failed = host.History[2].ToJson()["executionFailedEventDetails"]!;
        failed["error"]!.GetValue<string>().ShouldBe("E");
        failed["cause"]!.GetValue<string>().ShouldBe("C");
    }

    [Fact]
    public void Map_iterations_chain_on_the_Map_events()
    {
        var host = new Host("""{"StartAt":"M","States":{"M":{"Type":"Map","MaxConcurrency":1,"ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}}}""");
        host.Run("[1,2]");
        Chain(host).ShouldBe(
            "1:ExecutionStarted<0 2:MapStateEntered<1 3:MapStateStarted<2 4:MapIterationStarted<3 5:PassStateEntered<4 6:PassStateExited<5 "
            + "7:MapIterationSucceeded<6 8:MapIterationStarted<7 9:PassStateEntered<8 10:PassStateExited<9 11:MapIterationSucceeded<10 "
            + "12:MapStateSucceeded<11 13:MapStateExited<12 14:ExecutionSucceeded<13");
        host.History[2].ToJson()["mapStateStartedEventDetails"]!["length"]!.GetValue<int>().ShouldBe(2);
        host.History[7].ToJson()["mapIterationStartedEventDetails"]!.ToJsonString().ShouldBe("""{"name":"M","index":1}""");
    }

    [Fact]
    public void Parallel_branches_chain_on_ParallelStateStarted()
    {
        var host = new Host("""{"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"Branches":[{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}},{"StartAt":"B","States":{"B":{"Type":"Pass","End":true}}}]}}}""");
        host.Run();
        Chain(host).ShouldBe(
            "1:ExecutionStarted<0 2:ParallelStateEntered<1 3:ParallelStateStarted<2 4:PassStateEntered<3 5:PassStateExited<4 6:PassStateEntered<3 7:PassStateExited<6 "
            + "8:ParallelStateSucceeded<7 9:ParallelStateExited<8 10:ExecutionSucceeded<9");
    }

    [Fact]
    public void Retried_task_is_scheduled_again_and_caught_error_exits_the_state()
    {
        var host = new Host("""
            {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Retry":[{"ErrorEquals":["E"],"MaxAttempts":1}],
              "Catch":[{"ErrorEquals":["E"],"Next":"C"}],"End":true},"C":{"Type":"Pass","End":true}}}
            """, _ => TaskResult.Fail("E", "c"));
        host.Run();
        string.Join(" ", host.EventTypes).ShouldBe(
            "ExecutionStarted TaskStateEntered TaskScheduled TaskStarted TaskFailed TaskScheduled TaskStarted TaskFailed TaskStateExited PassStateEntered PassStateExited ExecutionSucceeded");
    }

    [Fact]
    public void The_history_cap_fails_the_execution()
    {
        var host = new Host("""{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"A"}}}""", limits: WorkflowLimits.Standard with { MaxHistoryEvents = 50 });
        var advance = host.Run();
        advance.Status.ShouldBe(ExecutionStatus.Failed);
        advance.Error.ShouldBe(StatesErrors.Runtime);
    }

    [Fact]
    public void Long_runs_yield_to_the_host_with_a_due_now_continuation_timer()
    {
        var host = new Host("""{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Pass","Next":"C"},"C":{"Type":"Pass","End":true}}}""",
            limits: WorkflowLimits.Standard with { MaxTransitionsPerAdvance = 1 });
        var first = host.Start();
        first.Status.ShouldBe(ExecutionStatus.Running);
        first.Commands.OfType<StartTimer>().Single().TimerId.ShouldContain(":continue:");
        host.Drive(first).Status.ShouldBe(ExecutionStatus.Succeeded);
        host.Steps.ShouldBe(3);
    }
}
