using System.Text.Json.Nodes;
using EcoBid.Workflows.Testing;
using EcoBid.Workflows.Tests.Support;

namespace EcoBid.Workflows.Tests.Testing;

/// <summary>TestState: one state, once, with mocks; statuses as AWS returns them.</summary>
public class StateTesterTests
{
    private const string Task = """
        {"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"f","Payload.$":"$"},
         "ResultSelector":{"value.$":"$.Payload"},"ResultPath":"$.out","Next":"Done",
         "Retry":[{"ErrorEquals":["Lambda.TooManyRequestsException"],"IntervalSeconds":2,"BackoffRate":3,"MaxAttempts":2}],
         "Catch":[{"ErrorEquals":["States.ALL"],"ResultPath":"$.error","Next":"Handle"}]}
        """;

    private static TestStateResult Test(string definition, string input, TestStateMock? mock = null, int retries = 0, InspectionLevel level = InspectionLevel.Debug) =>
        StateTester.Test(new TestStateRequest
        {
            Definition = definition,
            Input = input,
            Mock = mock,
            InspectionLevel = level,
            StateConfiguration = new TestStateConfiguration(RetrierRetryCount: retries),
        }, new StateTesterOptions { Jsonata = Host.Jsonata, Random = new Random(1) });

    [Fact]
    public void A_mocked_result_goes_through_every_processing_step()
    {
        var result = Test(Task, """{"id":1}""", new TestStateMock(Result: """{"Payload":"hi","StatusCode":200}"""));
        result.Status.ShouldBe(TestStateStatus.Succeeded);
        result.NextState.ShouldBe("Done");
        result.Output.ShouldBeJson("""{"id":1,"out":{"value":"hi"}}""");
        var data = result.InspectionData!;
        data.Input.ShouldBeJson("""{"id":1}""");
        data.AfterInputPath.ShouldBeJson("""{"id":1}""");
        data.AfterParameters.ShouldBeJson("""{"FunctionName":"f","Payload":{"id":1}}""");
        data.Result.ShouldBeJson("""{"Payload":"hi","StatusCode":200}""");
        data.AfterResultSelector.ShouldBeJson("""{"value":"hi"}""");
        data.AfterResultPath.ShouldBeJson("""{"id":1,"out":{"value":"hi"}}""");
        var wire = result.ToJson();
        wire["status"]!.GetValue<string>().ShouldBe("SUCCEEDED");
        wire["inspectionData"]!["afterResultSelector"]!.GetValue<string>().ShouldBe("""{"value":"hi"}""");
    }

    [Theory]
    [InlineData(0, "RETRIABLE", 2)]
    [InlineData(1, "RETRIABLE", 6)]
    [InlineData(2, "CAUGHT_ERROR", null)]
    public void A_retriable_error_is_RETRIABLE_until_the_retrier_is_spent_then_CAUGHT_ERROR(int retries, string status, int? backoff)
    {
        var result = Test(Task, """{"id":1}""", new TestStateMock(ErrorOutput: new TestStateErrorOutput("Lambda.TooManyRequestsException", "slow down")), retries);
        var wire = result.ToJson();
        wire["status"]!.GetValue<string>().ShouldBe(status);
        result.Error.ShouldBe("Lambda.TooManyRequestsException");
        result.Cause.ShouldBe("slow down");
        if (backoff is not null)
        {
            result.InspectionData!.ErrorDetails.ShouldBe(new ErrorDetails(RetryBackoffIntervalSeconds: backoff, RetryIndex: 0));
        }
        else
        {
            result.NextState.ShouldBe("Handle");
            result.InspectionData!.ErrorDetails.ShouldBe(new ErrorDetails(CatchIndex: 0));
            result.Output.ShouldBeJson("""{"id":1,"error":{"Error":"Lambda.TooManyRequestsException","Cause":"slow down"}}""");
        }
    }

    [Fact]
    public void An_error_nothing_handles_is_FAILED()
    {
        var result = Test("""{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","End":true}""", "{}", new TestStateMock(ErrorOutput: new TestStateErrorOutput("Boom", "bad")));
        result.Status.ShouldBe(TestStateStatus.Failed);
        result.Error.ShouldBe("Boom");
        result.NextState.ShouldBeNull();
        result.Output.ShouldBeNull();
    }

    [Fact]
    public void Choice_reports_the_next_state_and_Fail_its_error()
    {
        Test("""{"Type":"Choice","Choices":[{"Variable":"$.n","NumericGreaterThan":1,"Next":"Big"}],"Default":"Small"}""", """{"n":2}""").NextState.ShouldBe("Big");
        var failed = Test("""{"Type":"Fail","ErrorPath":"$.e","Cause":"why"}""", """{"e":"Custom"}""");
        failed.Status.ShouldBe(TestStateStatus.Failed);
        failed.Error.ShouldBe("Custom");
        failed.Cause.ShouldBe("why");
    }

    [Fact]
    public void A_state_of_a_whole_machine_is_tested_by_name_with_variables()
    {
        var result = StateTester.Test(new TestStateRequest
        {
            Definition = """{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Pass","Parameters":{"v.$":"$known"},"Assign":{"next.$":"$.v"},"End":true}}}""",
            StateName = "B",
            Variables = """{"known":5}""",
            InspectionLevel = InspectionLevel.Debug,
        });
        result.Output.ShouldBeJson("""{"v":5}""");
        result.InspectionData!.Variables.ShouldBeJson("""{"known":5,"next":5}""");
        result.NextState.ShouldBeNull();
    }

    [Fact]
    public async Task Without_a_mock_the_host_runs_the_task()
    {
        var result = await StateTester.TestAsync(new TestStateRequest
        {
            Definition = """{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"x.$":"$.x"},"End":true}""",
            Input = """{"x":3}""",
        }, new StateTesterOptions
        {
            InvokeTask = (invocation, _) => System.Threading.Tasks.Task.FromResult(TaskOutcome.Success(JsonValue.Create(invocation.Arguments!["x"]!.GetValue<int>() * 2))),
        });
        result.Output.ShouldBeJson("6");
        result.InspectionData.ShouldBeNull();
    }

    [Fact]
    public void Map_with_a_mocked_result_shows_items_and_selected_items()
    {
        var result = Test("""
            {"Type":"Map","ItemsPath":"$.list","ItemSelector":{"v.$":"$$.Map.Item.Value","i.$":"$$.Map.Item.Index"},"MaxConcurrency":3,
             "ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}
            """, """{"list":["a","b"]}""", new TestStateMock(Result: "[1,2]"));
        result.Output.ShouldBeJson("[1,2]");
        result.InspectionData!.AfterItemsPath.ShouldBeJson("""["a","b"]""");
        result.InspectionData.AfterItemSelector.ShouldBeJson("""[{"v":"a","i":0},{"v":"b","i":1}]""");
        result.InspectionData.MaxConcurrency.ShouldBe(3);
    }

    [Fact]
    public void JSONata_state_shows_arguments()
    {
        var result = Test("""
            {"Type":"Task","QueryLanguage":"JSONata","Resource":"arn:aws:states:::lambda:invoke","Arguments":{"n":"{% $states.input.n + 1 %}"},"Output":"{% $states.result.r %}","End":true}
            """, """{"n":1}""", new TestStateMock(Result: """{"r":"done"}"""));
        result.Output.ShouldBeJson("\"done\"");
        result.InspectionData!.AfterArguments.ShouldBeJson("""{"n":2}""");
    }

    [Fact]
    public void An_invalid_definition_is_an_InvalidDefinition_error()
    {
        var error = Should.Throw<InvalidDefinitionException>(() => Test("""{"Type":"Pass","Bogus":1,"End":true}""", "{}"));
        error.Message.ShouldStartWith("Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: The field 'Bogus' is not supported");
    }

    [Fact]
    public void A_runtime_error_is_FAILED_even_with_a_catch_all()
    {
        var result = Test("""{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","ResultSelector":{"x.$":"$.nope"},"End":true,"Catch":[{"ErrorEquals":["States.ALL"],"Next":"C"}]}""",
            "{}", new TestStateMock(Result: "{}"));
        result.Status.ShouldBe(TestStateStatus.Failed);
        result.Error.ShouldBe(StatesErrors.Runtime);
    }
}

public class StateTesterContextTests
{
    [Fact]
    public void The_given_context_object_is_what_context_paths_read()
    {
        var result = StateTester.Test(new TestStateRequest
        {
            Definition = """{"Type":"Pass","Parameters":{"token.$":"$$.Task.Token","name.$":"$$.Execution.Name"},"End":true}""",
            Context = """{"Task":{"Token":"abc"},"Execution":{"Name":"mine"}}""",
        });
        result.Output.ShouldBeJson("""{"token":"abc","name":"mine"}""");
    }
}
