using EcoBid.Workflows.Testing;

namespace EcoBid.Server.Workflows.Contract;

/// <summary>
/// EcoBid's Step Functions: state machines and their executions, with AWS's semantics. The REST API
/// (<c>/workflows</c>), the CLI verbs and Step Functions' own protocol at <c>/aws</c> are all views of this one
/// service. Failures are <see cref="WorkflowException"/>s carrying AWS's error code (<see cref="WorkflowErrors"/>), so
/// every view reports them the same way. ARNs have AWS's shapes in the region and account of <c>Aws:Region</c> and
/// <c>Aws:AccountId</c>: <c>arn:aws:states:{region}:{account}:stateMachine:{name}</c>,
/// <c>arn:aws:states:{region}:{account}:execution:{machine}:{execution}</c> (<c>express:</c> for EXPRESS).
/// </summary>
public interface IWorkflowService
{
    Task<StateMachineCreated> CreateStateMachineAsync(CreateStateMachineRequest request, CancellationToken cancellationToken);

    /// <summary>A new definition becomes a new version; running executions keep the version they started with.</summary>
    Task<StateMachineUpdated> UpdateStateMachineAsync(UpdateStateMachineRequest request, CancellationToken cancellationToken);

    /// <exception cref="WorkflowException"><see cref="WorkflowErrors.StateMachineDoesNotExist"/>.</exception>
    Task<StateMachineDescription> DescribeStateMachineAsync(string stateMachineArn, CancellationToken cancellationToken);

    Task<WorkflowPage<StateMachineListItem>> ListStateMachinesAsync(string? nextToken, int? maxResults, CancellationToken cancellationToken);

    /// <summary>Deletes the machine; running executions are stopped as AWS does (deleting, then gone).</summary>
    Task DeleteStateMachineAsync(string stateMachineArn, CancellationToken cancellationToken);

    /// <summary>ValidateStateMachineDefinition: never throws for a bad definition, it reports it.</summary>
    DefinitionValidationResult ValidateDefinition(string definition, string? type, int? maxResults);

    /// <summary>
    /// Starts a STANDARD execution (durable) or an EXPRESS one (in memory, at-least-once). A name given twice with the
    /// same input returns the first execution; with another input, <see cref="WorkflowErrors.ExecutionAlreadyExists"/>.
    /// </summary>
    Task<ExecutionStartedResult> StartExecutionAsync(StartExecutionRequest request, CancellationToken cancellationToken);

    /// <summary>Runs an EXPRESS machine to its end (at most five minutes) and answers its outcome.</summary>
    Task<SyncExecutionResult> StartSyncExecutionAsync(StartExecutionRequest request, CancellationToken cancellationToken);

    /// <exception cref="WorkflowException"><see cref="WorkflowErrors.ExecutionDoesNotExist"/>.</exception>
    Task<ExecutionDescription> DescribeExecutionAsync(string executionArn, CancellationToken cancellationToken);

    /// <param name="statusFilter">RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED, or null for all.</param>
    Task<WorkflowPage<ExecutionListItem>> ListExecutionsAsync(
        string stateMachineArn, string? statusFilter, string? nextToken, int? maxResults, CancellationToken cancellationToken);

    /// <summary>The history events as GetExecutionHistory renders them (each a JSON object), a page at a time.</summary>
    Task<WorkflowPage<System.Text.Json.Nodes.JsonObject>> GetExecutionHistoryAsync(
        string executionArn, bool reverseOrder, bool includeExecutionData, string? nextToken, int? maxResults, CancellationToken cancellationToken);

    /// <returns>When the execution stopped.</returns>
    Task<DateTimeOffset> StopExecutionAsync(string executionArn, string? errorName, string? cause, CancellationToken cancellationToken);

    Task SendTaskSuccessAsync(string taskToken, string output, CancellationToken cancellationToken);

    /// <summary>
    /// SendTaskSuccess inside the caller's write transaction, so what the caller records of the answer commits with it
    /// (or not at all), and the steps the answer lets run see it. Refusals throw as the other overload's do.
    /// </summary>
    Task SendTaskSuccessAsync(EcoBid.Events.Storage.IWriteScope scope, string taskToken, string output);

    /// <summary>
    /// Takes, in the caller's transaction, the turn of the execution that waits on <paramref name="taskToken"/> (if
    /// any): a caller that writes rows the execution's own tasks write takes the turn first, in the order the tasks
    /// take them, so the two never wait for each other in a circle. Nothing on SQLite (one writer).
    /// </summary>
    Task TakeTurnOfTaskAsync(EcoBid.Events.Storage.IWriteScope scope, string taskToken);

    Task SendTaskFailureAsync(string taskToken, string? errorName, string? cause, CancellationToken cancellationToken);

    Task SendTaskHeartbeatAsync(string taskToken, CancellationToken cancellationToken);

    /// <summary>TestState: one state, once; a Task without a mock runs its EcoBid task handler.</summary>
    Task<TestStateResult> TestStateAsync(TestStateRequest request, CancellationToken cancellationToken);
}
