using EcoBid.Events.Storage;

namespace EcoBid.Server.Workflows.Persistence;

/// <summary>
/// Everything the workflow runtime stores: state machines and their versions, executions with their snapshot and
/// history, and callback tokens. Writes run in the caller's transaction (<see cref="IWriteScope"/>), so a transition,
/// its history, its timers and its task's effects commit together; reads take their own connection. SQLite implements
/// it here (<see cref="SqliteWorkflowStore"/>); a PostgreSQL store implements the same interface.
/// </summary>
public interface IWorkflowStore
{
    Task<StateMachineRecord?> FindMachineAsync(IWriteScope scope, string name);

    Task<StateMachineRecord?> FindMachineAsync(string name, CancellationToken cancellationToken);

    /// <summary>Machines ordered by name, after <paramref name="afterName"/>.</summary>
    Task<IReadOnlyList<StateMachineRecord>> ListMachinesAsync(string? afterName, int limit, CancellationToken cancellationToken);

    Task InsertMachineAsync(IWriteScope scope, StateMachineRecord machine);

    /// <summary>Sets the machine's current version, status, role, logging and update time.</summary>
    Task UpdateMachineAsync(IWriteScope scope, StateMachineRecord machine);

    /// <summary>Forgets the machine and its versions (executions stay, with their own copy of what they need).</summary>
    Task DeleteMachineAsync(IWriteScope scope, string name);

    Task<StateMachineVersionRecord?> FindVersionAsync(IWriteScope scope, string machine, int version);

    Task<StateMachineVersionRecord?> FindVersionAsync(string machine, int version, CancellationToken cancellationToken);

    Task InsertVersionAsync(IWriteScope scope, StateMachineVersionRecord version);

    /// <summary>
    /// The execution, read in the caller's write transaction with a lock on its row until that transaction ends, so
    /// that transactions advancing one execution take turns (every advance reads its execution here first).
    /// </summary>
    Task<ExecutionRecord?> FindExecutionAsync(IWriteScope scope, string arn);

    Task<ExecutionRecord?> FindExecutionByNameAsync(IWriteScope scope, string machine, string name);

    /// <summary>By ARN or by the short id the REST API uses.</summary>
    Task<ExecutionRecord?> FindExecutionAsync(string arnOrId, CancellationToken cancellationToken);

    /// <summary>Newest first; <paramref name="status"/> null for all.</summary>
    Task<IReadOnlyList<ExecutionRecord>> ListExecutionsAsync(string machine, string? status, ExecutionCursor? after, int limit, CancellationToken cancellationToken);

    /// <summary>The ARNs of the machine's executions that are still running.</summary>
    Task<IReadOnlyList<string>> ListRunningAsync(IWriteScope scope, string machine);

    Task InsertExecutionAsync(IWriteScope scope, ExecutionRecord execution, string snapshot);

    /// <summary>Stores the execution's status, outcome, history count and snapshot after a transition.</summary>
    Task SaveProgressAsync(IWriteScope scope, ExecutionRecord execution, string snapshot);

    Task<string?> LoadSnapshotAsync(IWriteScope scope, string arn);

    Task AppendHistoryAsync(IWriteScope scope, string arn, IReadOnlyList<HistoryRow> events);

    /// <summary>Events after <paramref name="afterId"/> (before it when <paramref name="reverse"/>), in that order.</summary>
    Task<IReadOnlyList<HistoryRow>> ReadHistoryAsync(string arn, long? afterId, bool reverse, int limit, CancellationToken cancellationToken);

    Task InsertTokenAsync(IWriteScope scope, string token, string execution, string invocation);

    Task<TaskTokenRecord?> FindTokenAsync(IWriteScope scope, string token);

    /// <summary>Sets the status of every token of the invocation that is still open.</summary>
    Task CloseTokensOfInvocationAsync(IWriteScope scope, string invocation, string status);

    /// <summary>Closes every open token of an execution that ended.</summary>
    Task CloseTokensOfExecutionAsync(IWriteScope scope, string execution);
}
