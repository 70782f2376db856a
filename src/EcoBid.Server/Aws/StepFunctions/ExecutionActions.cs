using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using EcoBid.Server.Aws.Protocol;
using EcoBid.Server.Workflows.Contract;

namespace EcoBid.Server.Aws.StepFunctions;

/// <summary>StartExecution, StartSyncExecution, DescribeExecution, ListExecutions, GetExecutionHistory, StopExecution.</summary>
internal static class ExecutionActions
{
    private const string MetadataOnly = "METADATA_ONLY";

    public static async Task<JsonObject> StartAsync(AwsActionContext call)
    {
        var started = await call.Service<IWorkflowService>().StartExecutionAsync(Request(call), call.CancellationToken);
        return new JsonObject { ["executionArn"] = started.ExecutionArn, ["startDate"] = AwsTimestamps.ToJson(started.StartDate) };
    }

    public static async Task<JsonObject> StartSyncAsync(AwsActionContext call)
    {
        var run = await call.Service<IWorkflowService>().StartSyncExecutionAsync(Request(call), call.CancellationToken);
        var data = call.Text("includedData") != MetadataOnly;
        return new JsonObject
        {
            ["executionArn"] = run.ExecutionArn,
            ["stateMachineArn"] = run.StateMachineArn,
            ["name"] = run.Name,
            ["startDate"] = AwsTimestamps.ToJson(run.StartDate),
            ["stopDate"] = AwsTimestamps.ToJson(run.StopDate),
            ["status"] = run.Status,
        }
        .With("error", run.Error)
        .With("cause", run.Cause)
        .With("input", data ? run.Input : null)
        .With("inputDetails", new JsonObject { ["included"] = data })
        .With("output", data ? run.Output : null)
        .With("outputDetails", run.Output is null ? null : new JsonObject { ["included"] = data })
        .With("traceHeader", call.Text("traceHeader"))
        .With("billingDetails", new JsonObject
        {
            ["billedMemoryUsedInMB"] = run.BilledMemoryMegabytes,
            ["billedDurationInMilliseconds"] = run.BilledDurationMilliseconds,
        });
    }

    public static async Task<JsonObject> DescribeAsync(AwsActionContext call)
    {
        var execution = await call.Service<IWorkflowService>().DescribeExecutionAsync(call.Required("executionArn"), call.CancellationToken);
        var data = call.Text("includedData") != MetadataOnly;
        return new JsonObject
        {
            ["executionArn"] = execution.ExecutionArn,
            ["stateMachineArn"] = execution.StateMachineArn,
            ["name"] = execution.Name,
            ["status"] = execution.Status,
            ["startDate"] = AwsTimestamps.ToJson(execution.StartDate),
        }
        .With("stopDate", AwsTimestamps.ToJson(execution.StopDate))
        .With("input", data ? execution.Input : null)
        .With("inputDetails", execution.Input is null ? null : new JsonObject { ["included"] = data })
        .With("output", data ? execution.Output : null)
        .With("outputDetails", execution.Output is null ? null : new JsonObject { ["included"] = data })
        .With("traceHeader", execution.TraceHeader)
        .With("error", execution.Error)
        .With("cause", execution.Cause)
        .With("stateMachineVersionArn", execution.StateMachineVersionArn)
        .With("redriveCount", JsonValue.Create(execution.RedriveCount))
        .With("redriveStatus", execution.Status == "RUNNING" || execution.Status == "SUCCEEDED" ? "NOT_REDRIVABLE" : null)
        .With("redriveStatusReason", execution.Status == "RUNNING" || execution.Status == "SUCCEEDED" ? $"Execution is {execution.Status} and cannot be redriven" : null);
    }

    public static async Task<JsonObject> ListAsync(AwsActionContext call)
    {
        var machine = call.Text("stateMachineArn");
        if (machine is null)
        {
            throw StepFunctionsErrors.Validation(call.Text("mapRunArn") is null
                ? "Must provide a StateMachine ARN or MapRun ARN"
                : "Listing a Map Run's executions is not supported: this server runs Map states inline");
        }

        var page = await call.Service<IWorkflowService>().ListExecutionsAsync(
            machine, call.Text("statusFilter"), call.Text("nextToken"), StateMachineActions.PageSize(call), call.CancellationToken);
        var executions = new JsonArray();
        foreach (var execution in page.Items)
        {
            executions.Add(new JsonObject
            {
                ["executionArn"] = execution.ExecutionArn,
                ["stateMachineArn"] = execution.StateMachineArn,
                ["name"] = execution.Name,
                ["status"] = execution.Status,
                ["startDate"] = AwsTimestamps.ToJson(execution.StartDate),
            }.With("stopDate", AwsTimestamps.ToJson(execution.StopDate)));
        }

        return new JsonObject { ["executions"] = executions }.With("nextToken", page.NextToken);
    }

    /// <summary><c>includeExecutionData</c> defaults to true, as on AWS.</summary>
    public static async Task<JsonObject> HistoryAsync(AwsActionContext call)
    {
        var includeData = call.Input["includeExecutionData"] is null || call.Boolean("includeExecutionData");
        var page = await call.Service<IWorkflowService>().GetExecutionHistoryAsync(
            call.Required("executionArn"), call.Boolean("reverseOrder"), includeData, call.Text("nextToken"), StateMachineActions.PageSize(call),
            call.CancellationToken);
        var events = new JsonArray();
        foreach (var historyEvent in page.Items)
        {
            events.Add(WireEvent(historyEvent));
        }

        return new JsonObject { ["events"] = events }.With("nextToken", page.NextToken);
    }

    public static async Task<JsonObject> StopAsync(AwsActionContext call)
    {
        var stopped = await call.Service<IWorkflowService>().StopExecutionAsync(call.Required("executionArn"), call.Text("error"), call.Text("cause"), call.CancellationToken);
        return new JsonObject { ["stopDate"] = AwsTimestamps.ToJson(stopped) };
    }

    private static StartExecutionRequest Request(AwsActionContext call) =>
        new(call.Required("stateMachineArn"), call.Text("name"), call.Text("input"), call.Text("traceHeader"));

    /// <summary>A history event with its timestamp as this protocol sends dates (a text timestamp is converted).</summary>
    internal static JsonObject WireEvent(JsonObject historyEvent)
    {
        var copy = (JsonObject)historyEvent.DeepClone();
        if (copy["timestamp"] is JsonValue value && value.GetValueKind() == JsonValueKind.String
            && DateTimeOffset.TryParse(value.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            copy["timestamp"] = AwsTimestamps.ToJson(time);
        }

        return copy;
    }
}
