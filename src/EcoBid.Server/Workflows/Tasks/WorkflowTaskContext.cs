using EcoBid.Events.Storage;

namespace EcoBid.Server.Workflows.Tasks;

/// <summary>
/// Where a task handler runs: the execution's open transaction, which execution and which invocation (stable across
/// a crash and a re-run: de-duplicate on it if the handler has effects outside the transaction), and the attempt
/// (1 for the first, 2 for the first retry, …). <see cref="TaskToken"/> is set for <c>.waitForTaskToken</c> tasks.
/// </summary>
public sealed record WorkflowTaskContext(
    IWriteScope Scope,
    string ExecutionArn,
    string InvocationId,
    int Attempt,
    string? TaskToken,
    CancellationToken CancellationToken);
