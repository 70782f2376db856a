using EcoBid.Workflows.Json;
using EcoBid.Workflows.Templates;

namespace EcoBid.Workflows.Definition;

/// <summary><c>"Type": "Task"</c>.</summary>
public sealed class TaskState : ErrorHandlingState
{
    public override StateType Type => StateType.Task;

    public required string Resource { get; init; }

    /// <summary>Whether the resource ends in <c>.waitForTaskToken</c> (the task completes by a callback with its token).</summary>
    public bool WaitForTaskToken => Resource.EndsWith(".waitForTaskToken", StringComparison.Ordinal);

    internal int? TimeoutSeconds { get; init; }

    internal JsonPath? TimeoutSecondsPath { get; init; }

    internal PayloadTemplate? TimeoutSecondsExpression { get; init; }

    internal int? HeartbeatSeconds { get; init; }

    internal JsonPath? HeartbeatSecondsPath { get; init; }

    internal PayloadTemplate? HeartbeatSecondsExpression { get; init; }
}
