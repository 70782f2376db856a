using EcoBid.Server.Workflows.Persistence;
using EcoBid.Workflows.Definition;
using EcoBid.Workflows.Execution;

namespace EcoBid.Server.Workflows.Runtime;

/// <summary>An execution loaded into one transaction: its row, its snapshot and its parsed definition.</summary>
internal sealed class LiveExecution(ExecutionRecord record, ExecutionSnapshot snapshot, StateMachineDefinition definition)
{
    public ExecutionRecord Record { get; } = record;

    public ExecutionSnapshot Snapshot { get; } = snapshot;

    public StateMachineDefinition Definition { get; } = definition;

    /// <summary>The snapshot changed since it was stored.</summary>
    public bool Dirty { get; set; }

    public bool Running => Snapshot.Status == ExecutionStatus.Running;
}
