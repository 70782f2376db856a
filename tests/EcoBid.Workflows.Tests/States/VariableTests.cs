using EcoBid.Workflows.Execution;
using EcoBid.Workflows.Tests.Support;

namespace EcoBid.Workflows.Tests.States;

/// <summary>Variables: Assign in JSONPath and JSONata, evaluation order, scopes.</summary>
public class VariableTests
{
    [Fact]
    public void Assigned_values_are_read_by_later_states_with_dollar_name_paths()
    {
        var advance = new Host("""
            {"StartAt":"A","States":{
              "A":{"Type":"Pass","Assign":{"productName":"product1","count.$":"$.count","meta":{"id.$":"$$.Execution.Name"}},"Next":"B"},
              "B":{"Type":"Pass","Parameters":{"name.$":"$productName","count.$":"$count","id.$":"$meta.id","sum.$":"States.MathAdd($count, 1)"},"End":true}}}
            """).Run("""{"count":41}""");
        advance.Output.ShouldBeJson("""{"name":"product1","count":41,"id":"run-1","sum":42}""");
    }

    [Fact]
    public void Every_assignment_of_a_state_sees_the_values_from_before_it()
    {
        var advance = new Host("""
            {"StartAt":"Init","States":{
              "Init":{"Type":"Pass","Assign":{"x":1,"y":2},"Next":"Swap"},
              "Swap":{"Type":"Pass","Assign":{"x.$":"$y","y.$":"$x"},"Next":"Show"},
              "Show":{"Type":"Pass","Parameters":{"x.$":"$x","y.$":"$y"},"End":true}}}
            """).Run();
        advance.Output.ShouldBeJson("""{"x":2,"y":1}""");
    }

    [Fact]
    public void In_JSONPath_Assign_reads_the_task_result_after_ResultSelector()
    {
        var advance = new Host("""
            {"StartAt":"T","States":{
              "T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","ResultSelector":{"v.$":"$.Payload.value"},"Assign":{"got.$":"$.v"},"ResultPath":null,"Next":"S"},
              "S":{"Type":"Pass","Parameters":{"got.$":"$got"},"End":true}}}
            """, _ => TaskResult.Ok("""{"Payload":{"value":9}}""")).Run();
        advance.Output.ShouldBeJson("""{"got":9}""");
    }

    [Fact]
    public void StateExited_records_the_assigned_variables()
    {
        var host = new Host("""{"StartAt":"A","States":{"A":{"Type":"Pass","Assign":{"v":{"a":1}},"End":true}}}""");
        host.Run();
        var exited = host.History.Single(e => e.Type == "PassStateExited").ToJson()["stateExitedEventDetails"]!;
        exited["assignedVariables"]!["v"]!.GetValue<string>().ShouldBe("""{"a":1}""");
    }

    [Fact]
    public void Map_iterations_read_outer_variables_and_their_own_do_not_leak()
    {
        var advance = new Host("""
            {"StartAt":"A","States":{
              "A":{"Type":"Pass","Assign":{"factor":10},"Next":"M"},
              "M":{"Type":"Map","ItemProcessor":{"StartAt":"I","States":{
                 "I":{"Type":"Pass","Assign":{"inner.$":"$"},"Next":"J"},
                 "J":{"Type":"Pass","Parameters":{"f.$":"$factor","inner.$":"$inner"},"End":true}}},"Next":"After"},
              "After":{"Type":"Choice","Choices":[{"Variable":"$inner","IsPresent":true,"Next":"Leaked"}],"Default":"Done"},
              "Leaked":{"Type":"Fail","Error":"Leaked"},
              "Done":{"Type":"Pass","End":true}}}
            """).Run("[1,2]");
        advance.Status.ShouldBe(ExecutionStatus.Succeeded, advance.Cause);
        advance.Output.ShouldBeJson("""[{"f":10,"inner":1},{"f":10,"inner":2}]""");
    }

    [Fact]
    public void A_Catcher_assigns_from_the_error_output()
    {
        var advance = new Host("""
            {"StartAt":"T","States":{
              "T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","End":true,"Catch":[{"ErrorEquals":["States.ALL"],"Assign":{"why.$":"$.Cause"},"Next":"C"}]},
              "C":{"Type":"Pass","Parameters":{"why.$":"$why"},"End":true}}}
            """, _ => TaskResult.Fail("E", "because")).Run();
        advance.Output.ShouldBeJson("""{"why":"because"}""");
    }
}
