using EcoBid.Workflows.Execution;
using EcoBid.Workflows.Tests.Support;

namespace EcoBid.Workflows.Tests.States;

/// <summary>InputPath, Parameters, ResultSelector, ResultPath and OutputPath, after the developer guide's examples.</summary>
public class InputOutputTests
{
    private const string Lambda = "arn:aws:states:::lambda:invoke";

    public static TheoryData<string, string, string, string> Cases => new()
    {
        // state fields, input, task result, expected output
        {
            """{"InputPath":"$.dataset2","ResultPath":null}""",
            """{"comment":"Example for InputPath.","dataset1":{"val1":1,"val2":2,"val3":3},"dataset2":{"val1":"a","val2":"b","val3":"c"}}""",
            "\"ignored\"",
            """{"comment":"Example for InputPath.","dataset1":{"val1":1,"val2":2,"val3":3},"dataset2":{"val1":"a","val2":"b","val3":"c"}}"""
        },
        {
            """{"ResultPath":"$.taskresult"}""",
            """{"comment":"This is a test of the input and output of a Task state.","details":"Default example","who":"AWS Step Functions"}""",
            "\"Hello, AWS Step Functions!\"",
            """{"comment":"This is a test of the input and output of a Task state.","details":"Default example","who":"AWS Step Functions","taskresult":"Hello, AWS Step Functions!"}"""
        },
        {
            """{"ResultSelector":{"ClusterId.$":"$.output.ClusterId","ResourceType.$":"$.resourceType"},"ResultPath":"$.EMROutput"}""",
            """{"Name":"MyWorkflowJob"}""",
            """{"resourceType":"elasticmapreduce","resource":"createCluster.sync","output":{"SdkHttpMetadata":{"HttpStatusCode":200},"ClusterId":"AKIAIOSFODNN7EXAMPLE"}}""",
            """{"Name":"MyWorkflowJob","EMROutput":{"ClusterId":"AKIAIOSFODNN7EXAMPLE","ResourceType":"elasticmapreduce"}}"""
        },
        {
            """{"ResultPath":"$.a.b.c"}""",
            """{"x":1}""",
            "2",
            """{"x":1,"a":{"b":{"c":2}}}"""
        },
        {
            """{"ResultPath":"$.x"}""",
            """{"x":{"old":true},"y":1}""",
            "[1]",
            """{"x":[1],"y":1}"""
        },
        {
            """{"OutputPath":"$.Payload"}""",
            "{}",
            """{"Payload":{"ok":true},"StatusCode":200}""",
            """{"ok":true}"""
        },
        {
            """{"OutputPath":null}""",
            """{"a":1}""",
            "3",
            "{}"
        },
        {
            """{"InputPath":null,"ResultPath":"$.r"}""",
            """{"a":1}""",
            "3",
            """{"a":1,"r":3}"""
        },
        {
            """{"InputPath":"$$.Execution.Input","ResultPath":null,"OutputPath":"$$.Execution.Input.a"}""",
            """{"a":1}""",
            "\"ignored\"",
            "1"
        },
        {
            """{"ResultPath":"$"}""",
            """{"a":1}""",
            "[1,2]",
            "[1,2]"
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Task_result_processing(string fields, string input, string result, string expected)
    {
        var state = System.Text.Json.Nodes.JsonNode.Parse(fields)!.AsObject();
        state["Type"] = "Task";
        state["Resource"] = Lambda;
        state["End"] = true;
        var advance = Machines.RunSingle(state.ToJsonString(), input, _ => TaskResult.Ok(result));
        advance.Status.ShouldBe(ExecutionStatus.Succeeded, advance.Cause);
        advance.Output.ShouldBeJson(expected);
    }

    [Fact]
    public void Parameters_build_the_task_arguments_from_input_context_and_intrinsics()
    {
        InvokeTask? seen = null;
        Machines.RunSingle(
            $$$"""
            {"Type":"Task","Resource":"{{{Lambda}}}","InputPath":"$.order",
             "Parameters":{"FunctionName":"fn","Payload":{"id.$":"$.id","execution.$":"$$.Execution.Id","state.$":"$$.State.Name","label.$":"States.Format('order {}', $.id)","fixed":[1,{"a":"b"}]}},
             "End":true}
            """,
            """{"order":{"id":7}}""",
            invoke =>
            {
                seen = invoke;
                return TaskResult.Ok("{}");
            });
        seen.ShouldNotBeNull();
        seen.Arguments.ShouldBeJson("""{"FunctionName":"fn","Payload":{"id":7,"execution":"arn:aws:states:us-east-1:123456789012:execution:Machine:run-1","state":"S","label":"order 7","fixed":[1,{"a":"b"}]}}""");
        seen.Resource.ShouldBe(Lambda);
    }

    [Fact]
    public void Pass_Result_with_ResultPath_merges_into_the_input()
    {
        var advance = Machines.RunSingle("""{"Type":"Pass","Result":{"x-datum":0.381018,"y-datum":622.2269926397355},"ResultPath":"$.coords","End":true}""",
            """{"georefOf":"Home"}""");
        advance.Output.ShouldBeJson("""{"georefOf":"Home","coords":{"x-datum":0.381018,"y-datum":622.2269926397355}}""");
    }

    [Theory]
    [InlineData("""{"Type":"Pass","InputPath":"$.a","End":true}""", "Invalid path '$.a' : No results for path: $['a']")]
    [InlineData("""{"Type":"Pass","OutputPath":"$.a.b","End":true}""", "Invalid path '$.a.b' : No results for path: $['a']['b']")]
    [InlineData("""{"Type":"Pass","Parameters":{"v.$":"$.nope"},"End":true}""", "The JSONPath '$.nope' specified for the field 'v.$' could not be found in the input '{\"x\":1}'")]
    public void Missing_paths_fail_with_States_Runtime_and_AWS_messages(string state, string message)
    {
        var advance = Machines.RunSingle(state, """{"x":1}""");
        advance.Status.ShouldBe(ExecutionStatus.Failed);
        advance.Error.ShouldBe(StatesErrors.Runtime);
        advance.Cause.ShouldBe("An error occurred while executing the state 'S' (entered at the event id #2). " + message);
    }

    [Fact]
    public void ResultPath_into_a_non_object_is_a_ResultPathMatchFailure()
    {
        var advance = Machines.RunSingle("""{"Type":"Pass","Result":1,"ResultPath":"$.a.b","End":true}""", """{"a":"text"}""");
        advance.Error.ShouldBe(StatesErrors.ResultPathMatchFailure);
    }

    [Fact]
    public void Payloads_over_256_KiB_fail_with_DataLimitExceeded()
    {
        var big = new string('x', 300 * 1024);
        var advance = Machines.RunSingle($$"""{"Type":"Task","Resource":"{{Lambda}}","End":true}""", "{}", _ => TaskResult.Ok(System.Text.Json.Nodes.JsonValue.Create(big)));
        advance.Error.ShouldBe(StatesErrors.DataLimitExceeded);
    }
}
