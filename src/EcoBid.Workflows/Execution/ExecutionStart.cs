using System.Text.Json.Nodes;

namespace EcoBid.Workflows.Execution;

/// <summary>What StartExecution knows: the execution's and machine's identity, the input and the start time.</summary>
public sealed record ExecutionStart
{
    /// <summary>The execution ARN (<c>$$.Execution.Id</c>); also the prefix of invocation and timer ids.</summary>
    public required string ExecutionArn { get; init; }

    public required string Name { get; init; }

    public required string StateMachineArn { get; init; }

    public required string StateMachineName { get; init; }

    public JsonNode? Input { get; init; }

    public required DateTimeOffset StartTime { get; init; }

    public string RoleArn { get; init; } = "";

    public int RedriveCount { get; init; }
}
