using System.Text.Json.Nodes;
using EcoBid.Workflows.Execution;

namespace EcoBid.Server.Workflows.Runtime;

/// <summary>A task call written to the outbox (<see cref="Domain.Events.WorkflowSignal.Signal"/>) to run in a later transaction.</summary>
internal static class DeferredInvocation
{
    private const string Kind = "invoke";

    public static JsonObject Write(InvokeTask invoke) => new()
    {
        ["kind"] = Kind,
        ["invocationId"] = invoke.InvocationId,
        ["resource"] = invoke.Resource,
        ["arguments"] = invoke.Arguments?.DeepClone(),
        ["timeoutSeconds"] = invoke.TimeoutSeconds,
        ["heartbeatSeconds"] = invoke.HeartbeatSeconds,
        ["taskToken"] = invoke.TaskToken,
        ["stateName"] = invoke.StateName,
    };

    public static InvokeTask? Read(JsonObject signal) =>
        signal["kind"]?.GetValue<string>() != Kind
            ? null
            : new InvokeTask(
                signal["invocationId"]!.GetValue<string>(),
                signal["resource"]!.GetValue<string>(),
                signal["arguments"]?.DeepClone(),
                signal["timeoutSeconds"]?.GetValue<int>(),
                signal["heartbeatSeconds"]?.GetValue<int>(),
                signal["taskToken"]?.GetValue<string>(),
                signal["stateName"]?.GetValue<string>() ?? string.Empty);
}
