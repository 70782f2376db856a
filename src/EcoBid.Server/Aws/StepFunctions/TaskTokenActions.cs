using System.Text.Json.Nodes;
using EcoBid.Server.Aws.Protocol;
using EcoBid.Server.Workflows.Contract;

namespace EcoBid.Server.Aws.StepFunctions;

/// <summary>SendTaskSuccess, SendTaskFailure, SendTaskHeartbeat: the callbacks of <c>.waitForTaskToken</c> tasks.</summary>
internal static class TaskTokenActions
{
    public static async Task<JsonObject> SuccessAsync(AwsActionContext call)
    {
        await call.Service<IWorkflowService>().SendTaskSuccessAsync(call.Required("taskToken"), call.Required("output"), call.CancellationToken);
        return [];
    }

    public static async Task<JsonObject> FailureAsync(AwsActionContext call)
    {
        await call.Service<IWorkflowService>().SendTaskFailureAsync(call.Required("taskToken"), call.Text("error"), call.Text("cause"), call.CancellationToken);
        return [];
    }

    public static async Task<JsonObject> HeartbeatAsync(AwsActionContext call)
    {
        await call.Service<IWorkflowService>().SendTaskHeartbeatAsync(call.Required("taskToken"), call.CancellationToken);
        return [];
    }
}
