using System.Text.Json.Nodes;

namespace EcoBid.Workflows.Execution;

/// <summary>
/// The result of one <see cref="WorkflowInterpreter"/> call: the new snapshot to persist, the history events it
/// appended, the commands to carry out once it is persisted, and the execution's status.
/// </summary>
public sealed record Advance(
    ExecutionSnapshot Snapshot,
    IReadOnlyList<HistoryEvent> Events,
    IReadOnlyList<WorkflowCommand> Commands)
{
    public ExecutionStatus Status => Snapshot.Status;

    public JsonNode? Output => Snapshot.Output;

    public string? Error => Snapshot.Error;

    public string? Cause => Snapshot.Cause;
}
