using EcoBid.Workflows.Execution;
using EcoBid.Workflows.Tests.Support;

namespace EcoBid.Workflows.Tests.States;

public class WaitTests
{
    [Theory]
    [InlineData("""{"Type":"Wait","Seconds":10,"End":true}""", "{}", 10)]
    [InlineData("""{"Type":"Wait","SecondsPath":"$.s","End":true}""", """{"s":25}""", 25)]
    [InlineData("""{"Type":"Wait","Timestamp":"2026-01-02T03:05:05Z","End":true}""", "{}", 60)]
    [InlineData("""{"Type":"Wait","TimestampPath":"$.t","End":true}""", """{"t":"2026-01-02T04:04:05+01:00"}""", 0)]
    [InlineData("""{"Type":"Wait","Seconds":0,"End":true}""", "{}", 0)]
    public void Waits_until_due(string state, string input, int seconds)
    {
        var host = new Host(Machines.OneState(state));
        var start = host.Now;
        var advance = host.Run(input);
        advance.Status.ShouldBe(ExecutionStatus.Succeeded);
        advance.Output.ShouldBeJson(input);
        (host.Now - start).TotalSeconds.ShouldBe(seconds);
    }

    [Theory]
    [InlineData("""{"Type":"Wait","SecondsPath":"$.s","End":true}""", """{"s":"10"}""")]
    [InlineData("""{"Type":"Wait","SecondsPath":"$.s","End":true}""", """{"s":-1}""")]
    [InlineData("""{"Type":"Wait","TimestampPath":"$.t","End":true}""", """{"t":"yesterday"}""")]
    [InlineData("""{"Type":"Wait","SecondsPath":"$.missing","End":true}""", "{}")]
    public void Bad_paths_fail_with_States_Runtime(string state, string input) =>
        Machines.RunSingle(state, input).Error.ShouldBe(StatesErrors.Runtime);

    [Fact]
    public void Stopping_during_a_wait_aborts_it()
    {
        var host = new Host(Machines.OneState("""{"Type":"Wait","Seconds":100,"End":true}"""));
        host.Start().Status.ShouldBe(ExecutionStatus.Running);
        var advance = host.Signal(new StopRequested("Stopped", "by user"));
        advance.Status.ShouldBe(ExecutionStatus.Aborted);
        host.EventTypes.ShouldBe(["ExecutionStarted", "WaitStateEntered", "WaitStateAborted", "ExecutionAborted"]);
        advance.Commands.OfType<CancelTimer>().ShouldNotBeEmpty();
        host.Signal(new TimerFired(host.Timers.FirstOrDefault() ?? "x")).Events.ShouldBeEmpty();
    }

    [Fact]
    public void The_machine_TimeoutSeconds_times_the_execution_out()
    {
        var host = new Host("""{"TimeoutSeconds":5,"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":100,"End":true}}}""");
        var advance = host.Run();
        advance.Status.ShouldBe(ExecutionStatus.TimedOut);
        advance.Error.ShouldBe(StatesErrors.Timeout);
        host.EventTypes.Last().ShouldBe(HistoryEventTypes.ExecutionTimedOut);
    }
}
