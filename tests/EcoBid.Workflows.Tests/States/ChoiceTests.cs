using System.Text.Json.Nodes;
using EcoBid.Workflows.Execution;
using EcoBid.Workflows.Tests.Support;

namespace EcoBid.Workflows.Tests.States;

/// <summary>Every Choice operator: one rule, an input, and whether it matches.</summary>
public class ChoiceTests
{
    private static string Machine(string rule)
    {
        var choice = JsonNode.Parse(rule)!.AsObject();
        choice["Next"] = "Yes";
        var machine = JsonNode.Parse("""
            {"StartAt":"C","States":{
              "C":{"Type":"Choice","Choices":[],"Default":"No"},
              "Yes":{"Type":"Pass","Result":"yes","End":true},
              "No":{"Type":"Pass","Result":"no","End":true}}}
            """)!;
        machine["States"]!["C"]!["Choices"]!.AsArray().Add(choice);
        return machine.ToJsonString();
    }

    private static string Decide(string rule, string input)
    {
        var advance = new Host(Machine(rule)).Run(input);
        advance.Status.ShouldBe(ExecutionStatus.Succeeded, advance.Cause);
        return advance.Output!.GetValue<string>();
    }

    [Theory]
    [InlineData("""{"Variable":"$.s","StringEquals":"abc"}""", """{"s":"abc"}""", true)]
    [InlineData("""{"Variable":"$.s","StringEquals":"abc"}""", """{"s":1}""", false)]
    [InlineData("""{"Variable":"$.s","StringLessThan":"abd"}""", """{"s":"abc"}""", true)]
    [InlineData("""{"Variable":"$.s","StringGreaterThan":"B"}""", """{"s":"a"}""", true)]
    [InlineData("""{"Variable":"$.s","StringLessThanEquals":"abc"}""", """{"s":"abc"}""", true)]
    [InlineData("""{"Variable":"$.s","StringGreaterThanEquals":"abd"}""", """{"s":"abc"}""", false)]
    [InlineData("""{"Variable":"$.s","StringEqualsPath":"$.t"}""", """{"s":"x","t":"x"}""", true)]
    [InlineData("""{"Variable":"$.s","StringLessThanPath":"$.t"}""", """{"s":"a","t":"b"}""", true)]
    [InlineData("""{"Variable":"$.n","NumericEquals":5}""", """{"n":5.0}""", true)]
    [InlineData("""{"Variable":"$.n","NumericEquals":5}""", """{"n":"5"}""", false)]
    [InlineData("""{"Variable":"$.n","NumericLessThan":5}""", """{"n":4.99}""", true)]
    [InlineData("""{"Variable":"$.n","NumericGreaterThan":5}""", """{"n":5}""", false)]
    [InlineData("""{"Variable":"$.n","NumericLessThanEquals":5}""", """{"n":5}""", true)]
    [InlineData("""{"Variable":"$.n","NumericGreaterThanEquals":5}""", """{"n":6}""", true)]
    [InlineData("""{"Variable":"$.n","NumericGreaterThanPath":"$.m"}""", """{"n":6,"m":5}""", true)]
    [InlineData("""{"Variable":"$.n","NumericEqualsPath":"$.m"}""", """{"n":6,"m":5}""", false)]
    [InlineData("""{"Variable":"$.b","BooleanEquals":true}""", """{"b":true}""", true)]
    [InlineData("""{"Variable":"$.b","BooleanEquals":true}""", """{"b":"true"}""", false)]
    [InlineData("""{"Variable":"$.b","BooleanEqualsPath":"$.c"}""", """{"b":false,"c":false}""", true)]
    [InlineData("""{"Variable":"$.t","TimestampEquals":"2016-03-14T01:59:00Z"}""", """{"t":"2016-03-14T01:59:00.000Z"}""", true)]
    [InlineData("""{"Variable":"$.t","TimestampLessThan":"2016-03-14T01:59:00Z"}""", """{"t":"2016-03-14T01:58:59Z"}""", true)]
    [InlineData("""{"Variable":"$.t","TimestampGreaterThan":"2016-03-14T01:59:00Z"}""", """{"t":"2016-03-14T02:59:00+02:00"}""", false)]
    [InlineData("""{"Variable":"$.t","TimestampLessThanEquals":"2016-03-14T01:59:00Z"}""", """{"t":"2016-03-14T01:59:00Z"}""", true)]
    [InlineData("""{"Variable":"$.t","TimestampGreaterThanEquals":"2016-03-14T01:59:00Z"}""", """{"t":"not a time"}""", false)]
    [InlineData("""{"Variable":"$.t","TimestampLessThanPath":"$.u"}""", """{"t":"2016-03-14T01:59:00Z","u":"2017-01-01T00:00:00Z"}""", true)]
    [InlineData("""{"Variable":"$.s","StringMatches":"log-*.txt"}""", """{"s":"log-2024.txt"}""", true)]
    [InlineData("""{"Variable":"$.s","StringMatches":"log-*.txt"}""", """{"s":"log-2024.csv"}""", false)]
    [InlineData("""{"Variable":"$.s","StringMatches":"*"}""", """{"s":""}""", true)]
    [InlineData("""{"Variable":"$.s","StringMatches":"a\\*b"}""", """{"s":"a*b"}""", true)]
    [InlineData("""{"Variable":"$.s","StringMatches":"a\\*b"}""", """{"s":"axb"}""", false)]
    [InlineData("""{"Variable":"$.s","StringMatches":"a\\\\*"}""", """{"s":"a\\bc"}""", true)]
    [InlineData("""{"Variable":"$.x","IsPresent":true}""", """{"x":null}""", true)]
    [InlineData("""{"Variable":"$.x","IsPresent":true}""", """{}""", false)]
    [InlineData("""{"Variable":"$.x","IsPresent":false}""", """{}""", true)]
    [InlineData("""{"Variable":"$.x","IsNull":true}""", """{"x":null}""", true)]
    [InlineData("""{"Variable":"$.x","IsNull":false}""", """{"x":0}""", true)]
    [InlineData("""{"Variable":"$.x","IsNumeric":true}""", """{"x":1.5}""", true)]
    [InlineData("""{"Variable":"$.x","IsNumeric":true}""", """{"x":"1.5"}""", false)]
    [InlineData("""{"Variable":"$.x","IsString":true}""", """{"x":"1.5"}""", true)]
    [InlineData("""{"Variable":"$.x","IsBoolean":true}""", """{"x":false}""", true)]
    [InlineData("""{"Variable":"$.x","IsTimestamp":true}""", """{"x":"2016-03-14T01:59:00Z"}""", true)]
    [InlineData("""{"Variable":"$.x","IsTimestamp":true}""", """{"x":"2016-03-14t01:59:00z"}""", false)]
    [InlineData("""{"And":[{"Variable":"$.n","NumericGreaterThanEquals":20},{"Variable":"$.n","NumericLessThan":30}]}""", """{"n":25}""", true)]
    [InlineData("""{"And":[{"Variable":"$.n","NumericGreaterThanEquals":20},{"Variable":"$.n","NumericLessThan":30}]}""", """{"n":30}""", false)]
    [InlineData("""{"Or":[{"Variable":"$.n","NumericEquals":1},{"Variable":"$.n","NumericEquals":2}]}""", """{"n":2}""", true)]
    [InlineData("""{"Not":{"Variable":"$.type","StringEquals":"Private"}}""", """{"type":"Public"}""", true)]
    [InlineData("""{"And":[{"Variable":"$.x","IsPresent":true},{"Variable":"$.x","NumericEquals":1}]}""", """{}""", false)]
    [InlineData("""{"Variable":"$$.Execution.Name","StringEquals":"run-1"}""", """{}""", true)]
    public void Operators(string rule, string input, bool matches) =>
        Decide(rule, input).ShouldBe(matches ? "yes" : "no");

    [Fact]
    public void Without_a_match_or_Default_the_state_fails_with_NoChoiceMatched()
    {
        var advance = new Host("""
            {"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"Variable":"$.n","NumericEquals":1,"Next":"E"}]},"E":{"Type":"Succeed"}}}
            """).Run("""{"n":2}""");
        advance.Status.ShouldBe(ExecutionStatus.Failed);
        advance.Error.ShouldBe(StatesErrors.NoChoiceMatched);
    }

    [Fact]
    public void A_missing_Variable_is_a_runtime_error()
    {
        var advance = new Host(Machine("""{"Variable":"$.n","NumericEquals":1}""")).Run("{}");
        advance.Error.ShouldBe(StatesErrors.Runtime);
    }

    [Fact]
    public void InputPath_and_OutputPath_apply_and_the_output_is_the_input()
    {
        var advance = new Host("""
            {"StartAt":"C","States":{"C":{"Type":"Choice","InputPath":"$.in","OutputPath":"$.v","Choices":[{"Variable":"$.v","NumericEquals":1,"Next":"E"}]},"E":{"Type":"Succeed"}}}
            """).Run("""{"in":{"v":1}}""");
        advance.Output.ShouldBeJson("1");
    }

    [Fact]
    public void The_first_matching_rule_wins()
    {
        var advance = new Host("""
            {"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[
              {"Variable":"$.n","NumericGreaterThan":0,"Next":"A"},{"Variable":"$.n","NumericGreaterThan":1,"Next":"B"}]},
             "A":{"Type":"Pass","Result":"A","End":true},"B":{"Type":"Pass","Result":"B","End":true}}}
            """).Run("""{"n":5}""");
        advance.Output!.GetValue<string>().ShouldBe("A");
    }
}
