using EcoBid.Workflows.Execution;
using EcoBid.Workflows.Tests.Support;

namespace EcoBid.Workflows.Tests.States;

public class RetryCatchTests
{
    private static Func<InvokeTask, TaskResult> FailTimes(int times, string error, string? cause = "boom")
    {
        var calls = 0;
        return _ => ++calls <= times ? TaskResult.Fail(error, cause) : TaskResult.Ok("""{"done":true}""");
    }

    private const string Task = "arn:aws:states:::lambda:invoke";

    [Fact]
    public void Retries_with_exponential_backoff_capped_by_MaxDelaySeconds()
    {
        var host = new Host(Machines.OneState("""
            {"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","End":true,
             "Retry":[{"ErrorEquals":["Lambda.ServiceException"],"IntervalSeconds":2,"MaxAttempts":4,"BackoffRate":3,"MaxDelaySeconds":10}]}
            """), FailTimes(4, "Lambda.ServiceException"));
        var start = host.Now;
        var advance = host.Run();
        advance.Status.ShouldBe(ExecutionStatus.Succeeded);
        host.Invocations.Count.ShouldBe(5);
        // 2 + 6 + 10 (18 capped) + 10 (54 capped)
        (host.Now - start).TotalSeconds.ShouldBe(28);
        host.Invocations.Select(i => i.InvocationId).Distinct().Count().ShouldBe(5);
    }

    [Fact]
    public void MaxAttempts_zero_never_retries_and_an_exhausted_retrier_does_not_fall_through_to_the_next()
    {
        var host = new Host(Machines.OneState("""
            {"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","End":true,
             "Retry":[{"ErrorEquals":["E"],"MaxAttempts":0},{"ErrorEquals":["States.ALL"],"MaxAttempts":5}]}
            """), FailTimes(1, "E"));
        var advance = host.Run();
        advance.Status.ShouldBe(ExecutionStatus.Failed);
        advance.Error.ShouldBe("E");
        advance.Cause.ShouldBe("boom");
        host.Invocations.Count.ShouldBe(1);
    }

    [Fact]
    public void Full_jitter_never_waits_longer_than_the_interval()
    {
        var host = new Host(Machines.OneState("""
            {"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","End":true,
             "Retry":[{"ErrorEquals":["States.ALL"],"IntervalSeconds":10,"MaxAttempts":1,"JitterStrategy":"FULL"}]}
            """), FailTimes(1, "E"));
        var start = host.Now;
        host.Run().Status.ShouldBe(ExecutionStatus.Succeeded);
        (host.Now - start).TotalSeconds.ShouldBeLessThanOrEqualTo(10);
    }

    [Fact]
    public void Catch_puts_the_error_output_at_ResultPath_and_goes_to_Next()
    {
        var advance = new Host("""
            {"StartAt":"T","States":{
              "T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Next":"Done",
                   "Catch":[{"ErrorEquals":["Other"],"Next":"Done"},{"ErrorEquals":["States.TaskFailed"],"ResultPath":"$.error","Next":"Handle"}]},
              "Handle":{"Type":"Pass","End":true},
              "Done":{"Type":"Succeed"}}}
            """, FailTimes(1, "CustomError", "it broke")).Run("""{"order":1}""");
        advance.Status.ShouldBe(ExecutionStatus.Succeeded);
        advance.Output.ShouldBeJson("""{"order":1,"error":{"Error":"CustomError","Cause":"it broke"}}""");
    }

    [Theory]
    [InlineData("States.ALL", "States.Timeout", true)]
    [InlineData("States.ALL", "Anything", true)]
    [InlineData("States.ALL", "States.Runtime", false)]
    [InlineData("States.ALL", "States.DataLimitExceeded", false)]
    [InlineData("States.DataLimitExceeded", "States.DataLimitExceeded", true)]
    [InlineData("States.Runtime", "States.Runtime", false)]
    [InlineData("States.TaskFailed", "Custom", true)]
    [InlineData("States.TaskFailed", "States.Timeout", false)]
    [InlineData("States.TaskFailed", "States.HeartbeatTimeout", false)]
    [InlineData("States.Timeout", "States.HeartbeatTimeout", true)]
    [InlineData("Custom", "custom", false)]
    public void Error_name_matching(string pattern, string error, bool matches) =>
        StatesErrors.Matches(pattern, error).ShouldBe(matches);

    [Fact]
    public void A_runtime_error_is_not_caught_by_States_ALL()
    {
        var advance = new Host("""
            {"StartAt":"T","States":{
              "T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","ResultSelector":{"x.$":"$.missing"},"End":true,
                   "Retry":[{"ErrorEquals":["States.ALL"]}],"Catch":[{"ErrorEquals":["States.ALL"],"Next":"C"}]},
              "C":{"Type":"Succeed"}}}
            """, _ => TaskResult.Ok("{}")).Run();
        advance.Status.ShouldBe(ExecutionStatus.Failed);
        advance.Error.ShouldBe(StatesErrors.Runtime);
    }

    [Fact]
    public void Task_timeout_raises_States_Timeout_which_a_retrier_can_retry()
    {
        var calls = 0;
        var host = new Host(Machines.OneState("""
            {"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","TimeoutSeconds":30,"End":true,
             "Retry":[{"ErrorEquals":["States.Timeout"],"MaxAttempts":1}]}
            """), _ => ++calls == 1 ? TaskResult.Hang : TaskResult.Ok("1"));
        var advance = host.Run();
        advance.Status.ShouldBe(ExecutionStatus.Succeeded);
        host.EventTypes.ShouldContain(HistoryEventTypes.TaskTimedOut);
        host.History.Single(e => e.Type == HistoryEventTypes.TaskTimedOut).Error.ShouldBe(StatesErrors.Timeout);
    }

    [Fact]
    public void A_missed_heartbeat_fails_with_States_HeartbeatTimeout_and_a_heartbeat_resets_the_timer()
    {
        var host = new Host(Machines.OneState("""{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke.waitForTaskToken","HeartbeatSeconds":10,"TimeoutSeconds":100,"End":true}"""),
            _ => TaskResult.Hang);
        host.Start();
        var invoke = host.Invocations.Single();
        invoke.TaskToken.ShouldNotBeNullOrEmpty();
        host.Now = host.Now.AddSeconds(8);
        host.Signal(new TaskHeartbeat(invoke.InvocationId));
        host.Timers.Count(t => t.Contains(":heartbeat:", StringComparison.Ordinal)).ShouldBe(1);
        host.Timers.ShouldContain(invoke.InvocationId + ":heartbeat:2");
        var advance = host.Signal(new TimerFired(invoke.InvocationId + ":heartbeat:1"));
        advance.Status.ShouldBe(ExecutionStatus.Running);
        advance = host.Signal(new TimerFired(invoke.InvocationId + ":heartbeat:2"));
        advance.Status.ShouldBe(ExecutionStatus.Failed);
        advance.Error.ShouldBe(StatesErrors.HeartbeatTimeout);
    }

    [Fact]
    public void RetryCount_is_visible_in_the_context_object()
    {
        var host = new Host(Machines.OneState("""
            {"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"retry.$":"$$.State.RetryCount"},"End":true,
             "Retry":[{"ErrorEquals":["E"],"MaxAttempts":2}]}
            """), FailTimes(2, "E"));
        host.Run();
        host.Invocations.Select(i => i.Arguments!["retry"]!.GetValue<int>()).ShouldBe([0, 1, 2]);
    }
}
