using System.Text.Json;
using System.Text.Json.Nodes;
using EcoBid.Server.Aws.Protocol;
using EcoBid.Server.Workflows.Contract;
using EcoBid.Workflows.Testing;

namespace EcoBid.Server.Aws.StepFunctions;

/// <summary>
/// TestState: one state (or the state <c>stateName</c> of a whole definition) run once on an input, with variables, a
/// context object, a mocked task result or error, and the retry count of the retrier in play.
/// </summary>
internal static class TestStateAction
{
    public static async Task<JsonObject> TestAsync(AwsActionContext call)
    {
        var input = call.Text("input");
        if (input is not null)
        {
            CheckJson(input, WorkflowErrors.InvalidExecutionInput, "Invalid State Machine Execution Input");
        }

        var request = new TestStateRequest
        {
            Definition = call.Required("definition"),
            StateName = call.Text("stateName"),
            Input = input,
            Variables = call.Text("variables"),
            Context = call.Text("context"),
            InspectionLevel = call.Text("inspectionLevel") switch
            {
                "DEBUG" => InspectionLevel.Debug,
                "TRACE" => InspectionLevel.Trace,
                _ => InspectionLevel.Info,
            },
            RevealSecrets = call.Boolean("revealSecrets"),
            RoleArn = call.Text("roleArn"),
            Mock = Mock(call.Structure("mock")),
            StateConfiguration = Configuration(call.Structure("stateConfiguration")),
        };
        var result = await call.Service<IWorkflowService>().TestStateAsync(request, call.CancellationToken);
        return result.ToJson();
    }

    private static TestStateMock? Mock(JsonObject? mock)
    {
        if (mock is null)
        {
            return null;
        }

        var result = AwsActionContext.Text(mock, "result");
        var error = mock["errorOutput"] as JsonObject;
        if (result is not null && error is not null)
        {
            throw StepFunctionsErrors.Validation("A mock has either a result or an errorOutput, not both.");
        }

        if (result is null && error is null)
        {
            throw StepFunctionsErrors.Validation("A mock needs a result or an errorOutput.");
        }

        if (result is not null)
        {
            CheckJson(result, WorkflowErrors.ValidationException, "The mock result is not valid JSON");
        }

        var errorOutput = error is null
            ? null
            : new TestStateErrorOutput(AwsActionContext.Text(error, "error") ?? "", AwsActionContext.Text(error, "cause"));
        return new TestStateMock(result, errorOutput, AwsActionContext.Text(mock, "fieldValidationMode"));
    }

    private static TestStateConfiguration? Configuration(JsonObject? configuration)
    {
        if (configuration is null)
        {
            return null;
        }

        return new TestStateConfiguration(
            RetrierRetryCount: configuration["retrierRetryCount"] is { } count ? (int)AwsShape.ToLong(count) : 0,
            ErrorCausedByState: AwsActionContext.Text(configuration, "errorCausedByState"),
            MapIterationFailureCount: configuration["mapIterationFailureCount"] is { } failures ? (int)AwsShape.ToLong(failures) : null);
    }

    private static void CheckJson(string text, string code, string what)
    {
        try
        {
            using var _ = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            throw new AwsException(code, $"{what}: '{e.Message}'");
        }
    }
}
