using EcoBid.Workflows.Execution;
using EcoBid.Workflows.Tests.Support;

namespace EcoBid.Workflows.Tests.States;

/// <summary>States in the JSONata query language.</summary>
public class JsonataTests
{
    [Fact]
    public void Arguments_Output_and_Assign_use_states_input_and_result()
    {
        InvokeTask? seen = null;
        var advance = new Host("""
            {"QueryLanguage":"JSONata","StartAt":"T","States":{
              "T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
                   "Arguments":{"FunctionName":"f","Payload":{"total":"{% $sum($states.input.prices) %}","execution":"{% $states.context.Execution.Name %}"}},
                   "Assign":{"doubled":"{% $states.result.Payload * 2 %}"},
                   "Output":{"result":"{% $states.result.Payload %}","input":"{% $states.input.prices %}"},"Next":"S"},
              "S":{"Type":"Pass","Output":"{% {'doubled': $doubled, 'from': $states.input.result} %}","End":true}}}
            """, invoke =>
            {
                seen = invoke;
                return TaskResult.Ok("""{"Payload":21}""");
            }).Run("""{"prices":[5,6,10]}""");
        advance.Status.ShouldBe(ExecutionStatus.Succeeded, advance.Cause);
        seen!.Arguments.ShouldBeJson("""{"FunctionName":"f","Payload":{"total":21,"execution":"run-1"}}""");
        advance.Output.ShouldBeJson("""{"doubled":42,"from":21}""");
    }

    [Fact]
    public void Choice_Condition_picks_the_branch()
    {
        const string machine = """
            {"QueryLanguage":"JSONata","StartAt":"C","States":{
              "C":{"Type":"Choice","Choices":[{"Condition":"{% $states.input.n > 10 %}","Next":"Big","Output":{"kind":"big"}}],"Default":"Small"},
              "Big":{"Type":"Succeed"},"Small":{"Type":"Pass","Output":{"kind":"small"},"End":true}}}
            """;
        new Host(machine).Run("""{"n":11}""").Output.ShouldBeJson("""{"kind":"big"}""");
        new Host(machine).Run("""{"n":1}""").Output.ShouldBeJson("""{"kind":"small"}""");
    }

    [Fact]
    public void A_non_boolean_Condition_is_a_QueryEvaluationError()
    {
        var advance = new Host("""
            {"QueryLanguage":"JSONata","StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"Condition":"{% $states.input.n %}","Next":"E"}],"Default":"E"},"E":{"Type":"Succeed"}}}
            """).Run("""{"n":"x"}""");
        advance.Error.ShouldBe(StatesErrors.QueryEvaluationError);
    }

    [Fact]
    public void Evaluation_errors_are_QueryEvaluationErrors_that_Catch_can_handle()
    {
        var advance = new Host("""
            {"QueryLanguage":"JSONata","StartAt":"T","States":{
              "T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Arguments":"{% $states.input.a + 'x' %}","End":true,
                   "Catch":[{"ErrorEquals":["States.QueryEvaluationError"],"Output":"{% $states.errorOutput.Error %}","Next":"C"}]},
              "C":{"Type":"Succeed"}}}
            """).Run("""{"a":1}""");
        advance.Status.ShouldBe(ExecutionStatus.Succeeded);
        advance.Output.ShouldBeJson("\"States.QueryEvaluationError\"");
    }

    [Fact]
    public void Map_Items_and_ItemSelector_and_Wait_Seconds_take_expressions()
    {
        var host = new Host("""
            {"QueryLanguage":"JSONata","StartAt":"W","States":{
              "W":{"Type":"Wait","Seconds":"{% $states.input.delay %}","Next":"M"},
              "M":{"Type":"Map","Items":"{% $states.input.list[$ > 1] %}","MaxConcurrency":"{% 1 %}",
                   "ItemSelector":{"v":"{% $states.context.Map.Item.Value %}","i":"{% $states.context.Map.Item.Index %}"},
                   "ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","Output":"{% $states.input.v * 10 + $states.input.i %}","End":true}}},"End":true}}}
            """);
        var start = host.Now;
        var advance = host.Run("""{"delay":4,"list":[1,2,3]}""");
        advance.Output.ShouldBeJson("[20,31]");
        (host.Now - start).TotalSeconds.ShouldBe(4);
    }

    [Fact]
    public void Fail_Error_and_Cause_can_be_expressions()
    {
        var advance = new Host("""
            {"QueryLanguage":"JSONata","StartAt":"F","States":{"F":{"Type":"Fail","Error":"{% 'E' & $states.input.code %}","Cause":"{% $string($states.input) %}"}}}
            """).Run("""{"code":7}""");
        advance.Error.ShouldBe("E7");
        advance.Cause.ShouldBe("""{"code":7}""");
    }

    [Fact]
    public void A_JSONata_state_inside_a_JSONPath_machine()
    {
        var advance = new Host("""
            {"StartAt":"A","States":{
              "A":{"Type":"Pass","Parameters":{"x.$":"$.v"},"Assign":{"n":3},"Next":"B"},
              "B":{"Type":"Pass","QueryLanguage":"JSONata","Output":"{% $states.input.x + $n %}","End":true}}}
            """).Run("""{"v":4}""");
        advance.Output.ShouldBeJson("7");
    }

    [Fact]
    public void Step_Functions_extra_functions_are_available()
    {
        var advance = new Host("""
            {"QueryLanguage":"JSONata","StartAt":"P","States":{"P":{"Type":"Pass","Output":"{% {'hash': $hash('input data', 'SHA-1'), 'parsed': $parse('{\"a\":[1]}')} %}","End":true}}}
            """).Run();
        advance.Status.ShouldBe(ExecutionStatus.Succeeded, advance.Cause);
        advance.Output.ShouldBeJson("""{"hash":"aaff4a450a104cd177d28d18d74485e8cae074b7","parsed":{"a":[1]}}""");
    }

    [Fact]
    public void Syntax_errors_are_reported_when_the_definition_is_parsed()
    {
        var result = EcoBid.Workflows.Definition.StateMachineDefinition.Parse(
            """{"QueryLanguage":"JSONata","StartAt":"P","States":{"P":{"Type":"Pass","Output":"{% $states.input.( %}","End":true}}}""",
            new EcoBid.Workflows.Definition.DefinitionOptions { Jsonata = Host.Jsonata });
        result.Diagnostics.ShouldContain(d => d.Location == "/States/P/Output" && d.Code == "SCHEMA_VALIDATION_FAILED");
    }

    [Fact]
    public void Step_functions_extras_take_numbers_from_the_input()
    {
        var advance = new Host("""
            {"QueryLanguage":"JSONata","StartAt":"P","States":{
              "P":{"Type":"Pass","Output":{"chunks":"{% $partition($states.input.items, $states.input.size) %}","range":"{% $range(1, $states.input.size * 2, 1) %}"},"End":true}}}
            """).Run("""{"items":[1,2,3],"size":2}""");
        advance.Status.ShouldBe(ExecutionStatus.Succeeded, advance.Cause);
        advance.Output.ShouldBeJson("""{"chunks":[[1,2],[3]],"range":[1,2,3,4]}""");
    }
}
