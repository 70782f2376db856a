namespace EcoBid.Server.Workflows.Contract;

public sealed record StateMachineCreated(string StateMachineArn, DateTimeOffset CreationDate, string? StateMachineVersionArn = null);

public sealed record StateMachineUpdated(DateTimeOffset UpdateDate, string? RevisionId = null, string? StateMachineVersionArn = null);

/// <summary>DescribeStateMachine. <see cref="Status"/> is ACTIVE or DELETING.</summary>
public sealed record StateMachineDescription(
    string StateMachineArn, string Name, string Status, string Definition, string RoleArn, string Type, DateTimeOffset CreationDate,
    string? RevisionId, string? Description = null);

public sealed record StateMachineListItem(string StateMachineArn, string Name, string Type, DateTimeOffset CreationDate);

/// <summary>One page of a list; <see cref="NextToken"/> is null on the last.</summary>
public sealed record WorkflowPage<T>(IReadOnlyList<T> Items, string? NextToken);

/// <summary>ValidateStateMachineDefinition: <see cref="Result"/> is OK or FAIL.</summary>
public sealed record DefinitionValidationResult(string Result, IReadOnlyList<DefinitionValidationDiagnostic> Diagnostics, bool Truncated);

/// <summary>One finding: <see cref="Severity"/> ERROR or WARNING, AWS's code, a message, a JSON-pointer location.</summary>
public sealed record DefinitionValidationDiagnostic(string Severity, string Code, string Message, string? Location);

public sealed record ExecutionStartedResult(string ExecutionArn, DateTimeOffset StartDate);

/// <summary>
/// DescribeExecution. <see cref="Status"/> is RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED (or PENDING_REDRIVE);
/// <see cref="Input"/> and <see cref="Output"/> are JSON text.
/// </summary>
public sealed record ExecutionDescription(
    string ExecutionArn, string StateMachineArn, string Name, string Status, DateTimeOffset StartDate, DateTimeOffset? StopDate,
    string? Input, string? Output, string? Error, string? Cause, string? StateMachineVersionArn = null, string? TraceHeader = null,
    int RedriveCount = 0);

public sealed record ExecutionListItem(
    string ExecutionArn, string StateMachineArn, string Name, string Status, DateTimeOffset StartDate, DateTimeOffset? StopDate);

/// <summary>StartSyncExecution's answer: <see cref="Status"/> SUCCEEDED, FAILED or TIMED_OUT.</summary>
public sealed record SyncExecutionResult(
    string ExecutionArn, string StateMachineArn, string Name, DateTimeOffset StartDate, DateTimeOffset StopDate, string Status,
    string? Input, string? Output, string? Error, string? Cause, long BilledDurationMilliseconds, long BilledMemoryMegabytes);
