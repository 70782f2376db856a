using EcoBid.Workflows.Definition;

namespace EcoBid.Workflows.Tests.Definition;

/// <summary>Definitions with problems, and the diagnostics (code and location) they give.</summary>
public class ValidationTests
{
    [Theory]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"Nope"}}}""", "MISSING_TRANSITION_TARGET", "/States/A/Next")]
    [InlineData("""{"StartAt":"X","States":{"A":{"Type":"Pass","End":true}}}""", "MISSING_TRANSITION_TARGET", "/StartAt")]
    [InlineData("""{"States":{"A":{"Type":"Pass","End":true}}}""", "SCHEMA_VALIDATION_FAILED", "")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Pass","End":true},"B":{"Type":"Pass","End":true}}}""", "UNREACHABLE_STATE", "/States/B")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Pass"}}}""", "SCHEMA_VALIDATION_FAILED", "/States/A")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"A","End":true}}}""", "SCHEMA_VALIDATION_FAILED", "/States/A")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Teleport","End":true}}}""", "SCHEMA_VALIDATION_FAILED", "/States/A/Type")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Pass","Resource":"x","End":true}}}""", "SCHEMA_VALIDATION_FAILED", "/States/A/Resource")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Pass","InputPath":"$.a[","End":true}}}""", "SCHEMA_VALIDATION_FAILED", "/States/A/InputPath")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Pass","ResultPath":"$.a[*]","End":true}}}""", "SCHEMA_VALIDATION_FAILED", "/States/A/ResultPath")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Pass","Parameters":{"x.$":"States.Nope()"},"End":true}}}""", "SCHEMA_VALIDATION_FAILED", "/States/A/Parameters/x.$")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Pass","Parameters":{"x.$":"States.ArrayLength()"},"End":true}}}""", "SCHEMA_VALIDATION_FAILED", "/States/A/Parameters/x.$")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Pass","Parameters":{"x.$":"nope"},"End":true}}}""", "SCHEMA_VALIDATION_FAILED", "/States/A/Parameters/x.$")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Task","End":true}}}""", "SCHEMA_VALIDATION_FAILED", "/States/A")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"not-an-arn","End":true}}}""", "SCHEMA_VALIDATION_FAILED", "/States/A/Resource")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","TimeoutSeconds":0,"End":true}}}""", "SCHEMA_VALIDATION_FAILED", "/States/A/TimeoutSeconds")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","End":true,"Retry":[{"ErrorEquals":["States.ALL","X"]}]}}}""", "SCHEMA_VALIDATION_FAILED", "/States/A/Retry/0/ErrorEquals")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","End":true,"Retry":[{"ErrorEquals":["States.ALL"]},{"ErrorEquals":["X"]}]}}}""", "SCHEMA_VALIDATION_FAILED", "/States/A/Retry/0/ErrorEquals")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","End":true,"Retry":[{"ErrorEquals":["X"],"BackoffRate":0.5}]}}}""", "SCHEMA_VALIDATION_FAILED", "/States/A/Retry/0/BackoffRate")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","End":true,"Retry":[{"ErrorEquals":["X"],"JitterStrategy":"HALF"}]}}}""", "SCHEMA_VALIDATION_FAILED", "/States/A/Retry/0/JitterStrategy")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","End":true,"Catch":[{"ErrorEquals":["X"],"Next":"Gone"}]}}}""", "MISSING_TRANSITION_TARGET", "/States/A/Catch/0/Next")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Choice","Choices":[{"Variable":"$.a","StringEquals":1,"Next":"A"}]}}}""", "SCHEMA_VALIDATION_FAILED", "/States/A/Choices/0/StringEquals")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Choice","Choices":[{"Variable":"$.a","Next":"A"}]}}}""", "SCHEMA_VALIDATION_FAILED", "/States/A/Choices/0")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Choice","Choices":[{"Variable":"$.a","TimestampEquals":"yesterday","Next":"A"}]}}}""", "SCHEMA_VALIDATION_FAILED", "/States/A/Choices/0/TimestampEquals")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Choice","Choices":[],"Default":"A"}}}""", "SCHEMA_VALIDATION_FAILED", "/States/A/Choices")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Wait","End":true}}}""", "SCHEMA_VALIDATION_FAILED", "/States/A")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Wait","Seconds":1,"Timestamp":"2020-01-01T00:00:00Z","End":true}}}""", "SCHEMA_VALIDATION_FAILED", "/States/A")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Fail","Error":"E","ErrorPath":"$.e"}}}""", "SCHEMA_VALIDATION_FAILED", "/States/A")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Succeed","Next":"A"}}}""", "SCHEMA_VALIDATION_FAILED", "/States/A/Next")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Parallel","End":true,"Branches":[{"StartAt":"B","States":{"B":{"Type":"Pass","Next":"Z"}}}]}}}""", "MISSING_TRANSITION_TARGET", "/States/A/Branches/0/States/B/Next")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Map","End":true}}}""", "SCHEMA_VALIDATION_FAILED", "/States/A")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Map","End":true,"ItemReader":{},"ItemProcessor":{"StartAt":"B","States":{"B":{"Type":"Pass","End":true}}}}}}""", "SCHEMA_VALIDATION_FAILED", "/States/A/ItemReader")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Map","End":true,"ToleratedFailurePercentage":101,"ItemProcessor":{"StartAt":"B","States":{"B":{"Type":"Pass","End":true}}}}}}""", "SCHEMA_VALIDATION_FAILED", "/States/A/ToleratedFailurePercentage")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Map","End":true,"ItemProcessor":{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}}}}""", "DUPLICATE_STATE_NAME", "/States/B/ItemProcessor/States/A")]
    [InlineData("""{"QueryLanguage":"JSONata","StartAt":"A","States":{"A":{"Type":"Pass","InputPath":"$","End":true}}}""", "SCHEMA_VALIDATION_FAILED", "/States/A/InputPath")]
    [InlineData("""{"QueryLanguage":"JSONata","StartAt":"A","States":{"A":{"Type":"Pass","QueryLanguage":"JSONPath","End":true}}}""", "SCHEMA_VALIDATION_FAILED", "/States/A/QueryLanguage")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Pass","Output":{},"End":true}}}""", "SCHEMA_VALIDATION_FAILED", "/States/A/Output")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Pass","Assign":{"1bad":1},"End":true}}}""", "SCHEMA_VALIDATION_FAILED", "/States/A/Assign/1bad")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Pass","Assign":{"x":1},"Next":"M"},"M":{"Type":"Map","End":true,"ItemProcessor":{"StartAt":"B","States":{"B":{"Type":"Pass","Assign":{"x":2},"End":true}}}}}}""", "SCHEMA_VALIDATION_FAILED", "/States/M/ItemProcessor/States/B/Assign")]
    [InlineData("""{"StartAt":"A","Stats":{}}""", "SCHEMA_VALIDATION_FAILED", "/Stats")]
    [InlineData("""[1]""", "INVALID_JSON_DESCRIPTION", "")]
    [InlineData("""{"StartAt":"A",""", "INVALID_JSON_DESCRIPTION", "")]
    public void Reports_the_problem_at_its_location(string json, string code, string location)
    {
        var result = StateMachineDefinition.Parse(json);
        result.IsValid.ShouldBeFalse();
        result.Diagnostics.ShouldContain(d => d.Code == code && d.Location == location,
            string.Join("\n", result.Diagnostics.Select(d => d.ToString())));
    }

    [Fact]
    public void Every_problem_is_reported_and_joined_into_the_InvalidDefinition_message()
    {
        var result = StateMachineDefinition.Parse("""{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"Gone","Foo":1},"B":{"Type":"Pass","End":true}}}""");
        result.Errors.Select(d => d.Code).ShouldBe(["SCHEMA_VALIDATION_FAILED", "MISSING_TRANSITION_TARGET", "UNREACHABLE_STATE"], ignoreOrder: true);
        result.InvalidDefinitionMessage.ShouldBe(
            "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: The field 'Foo' is not supported by Step Functions at /States/A/Foo, "
            + "MISSING_TRANSITION_TARGET: Missing 'Next' target: Gone at /States/A/Next, UNREACHABLE_STATE: State \"B\" is not reachable. at /States/B'");
    }

    [Fact]
    public void The_host_validates_task_resources()
    {
        var options = new DefinitionOptions { ResourceValidator = r => r.StartsWith("arn:aws:states:::lambda:", StringComparison.Ordinal) ? null : $"Resource {r} is not supported" };
        StateMachineDefinition.Parse("""{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","End":true}}}""", options).IsValid.ShouldBeTrue();
        var bad = StateMachineDefinition.Parse("""{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:states:::sns:publish","End":true}}}""", options);
        bad.Diagnostics.Single().ShouldBe(new DefinitionDiagnostic(DiagnosticSeverity.Error, "SCHEMA_VALIDATION_FAILED", "Resource arn:aws:states:::sns:publish is not supported", "/States/A/Resource"));
    }

    [Fact]
    public void A_full_machine_parses_into_typed_states()
    {
        var result = StateMachineDefinition.Parse("""
            {"Comment":"c","TimeoutSeconds":60,"StartAt":"P","States":{
              "P":{"Type":"Pass","Next":"T"},
              "T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Next":"C","Retry":[{"ErrorEquals":["States.ALL"],"MaxAttempts":0}],"Catch":[{"ErrorEquals":["States.ALL"],"Next":"F"}]},
              "C":{"Type":"Choice","Choices":[{"Not":{"Variable":"$.x","IsPresent":true},"Next":"W"}],"Default":"Par"},
              "W":{"Type":"Wait","Seconds":1,"Next":"Par"},
              "Par":{"Type":"Parallel","Branches":[{"StartAt":"B1","States":{"B1":{"Type":"Succeed"}}}],"Next":"M"},
              "M":{"Type":"Map","ItemProcessor":{"StartAt":"I","States":{"I":{"Type":"Pass","End":true}}},"Next":"S"},
              "S":{"Type":"Succeed"},
              "F":{"Type":"Fail","Error":"E","Cause":"C"}}}
            """);
        result.Diagnostics.ShouldBeEmpty();
        var definition = result.Definition!;
        definition.TimeoutSeconds.ShouldBe(60);
        definition.States.Values.Select(s => s.Type).ShouldBe([StateType.Pass, StateType.Task, StateType.Choice, StateType.Wait, StateType.Parallel, StateType.Map, StateType.Succeed, StateType.Fail]);
        ((TaskState)definition.States["T"]).Retry.Single().MaxAttempts.ShouldBe(0);
        ((MapState)definition.States["M"]).Processor.States.Keys.ShouldBe(["I"]);
    }
}
