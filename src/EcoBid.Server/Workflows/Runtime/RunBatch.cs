using EcoBid.Events.Storage;
using EcoBid.Workflows.Execution;

namespace EcoBid.Server.Workflows.Runtime;

/// <summary>
/// The work of one transaction: executions loaded so far, and a queue of advances to carry out and signals to apply.
/// A queue rather than recursion, so a task that starts a child that ends at once that signals the parent is a loop.
/// </summary>
internal sealed class RunBatch(IWriteScope scope)
{
    public IWriteScope Scope { get; } = scope;

    public Dictionary<string, LiveExecution> Live { get; } = new(StringComparer.Ordinal);

    public Queue<BatchWork> Work { get; } = new();

    public int TaskCalls { get; set; }

    public long EventsWritten { get; set; }

    public void Apply(string executionArn, ExecutionSignal signal) => Work.Enqueue(new BatchWork(executionArn, signal, null));

    public void Carry(string executionArn, Advance advance) => Work.Enqueue(new BatchWork(executionArn, null, advance));
}

/// <summary>A signal to apply to an execution, or an advance of it whose events and commands are still to be carried out.</summary>
internal sealed record BatchWork(string ExecutionArn, ExecutionSignal? Signal, Advance? Advance);
