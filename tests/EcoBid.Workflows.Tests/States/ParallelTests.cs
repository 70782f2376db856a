using EcoBid.Workflows.Execution;
using EcoBid.Workflows.Tests.Support;

namespace EcoBid.Workflows.Tests.States;

public class ParallelTests
{
    [Fact]
    public void Branches_get_the_same_input_and_their_outputs_form_an_array_in_branch_order()
    {
        var advance = new Host("""
            {"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"ResultSelector":{"first.$":"$[0]","second.$":"$[1].v"},"ResultPath":"$.r","Branches":[
              {"StartAt":"A","States":{"A":{"Type":"Wait","Seconds":5,"Next":"A2"},"A2":{"Type":"Pass","Parameters":{"a.$":"$.x"},"End":true}}},
              {"StartAt":"B","States":{"B":{"Type":"Pass","Parameters":{"v.$":"States.MathAdd($.x, 1)"},"End":true}}}]}}}
            """).Run("""{"x":1}""");
        advance.Status.ShouldBe(ExecutionStatus.Succeeded);
        advance.Output.ShouldBeJson("""{"x":1,"r":{"first":{"a":1},"second":2}}""");
    }

    [Fact]
    public void A_failing_branch_fails_the_state_with_its_error_and_aborts_the_others()
    {
        var host = new Host("""
            {"StartAt":"P","States":{"P":{"Type":"Parallel","Next":"Done","Catch":[{"ErrorEquals":["Custom"],"Next":"Caught"}],"Branches":[
              {"StartAt":"Slow","States":{"Slow":{"Type":"Wait","Seconds":100,"End":true}}},
              {"StartAt":"Boom","States":{"Boom":{"Type":"Fail","Error":"Custom","Cause":"bad"}}}]},
             "Caught":{"Type":"Pass","End":true},"Done":{"Type":"Succeed"}}}
            """);
        var advance = host.Run("{}");
        advance.Status.ShouldBe(ExecutionStatus.Succeeded);
        advance.Output.ShouldBeJson("""{"Error":"Custom","Cause":"bad"}""");
        host.EventTypes.ShouldContain(HistoryEventTypes.ParallelStateFailed);
        host.Timers.ShouldBeEmpty();
    }

    [Fact]
    public void A_Parallel_state_is_retried_as_a_whole()
    {
        var calls = 0;
        var host = new Host("""
            {"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"Retry":[{"ErrorEquals":["E"],"MaxAttempts":1}],"Branches":[
              {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","End":true}}}]}}}
            """, _ => ++calls == 1 ? TaskResult.Fail("E") : TaskResult.Ok("\"ok\""));
        var advance = host.Run();
        advance.Output.ShouldBeJson("""["ok"]""");
        calls.ShouldBe(2);
    }
}
