namespace EcoBid.Server.Workflows.Contract;

/// <summary>AWS Step Functions' error codes, as the protocol's <c>__type</c> and the REST API's problem type name them.</summary>
public static class WorkflowErrors
{
    public const string StateMachineDoesNotExist = "StateMachineDoesNotExist";
    public const string StateMachineAlreadyExists = "StateMachineAlreadyExists";
    public const string StateMachineDeleting = "StateMachineDeleting";
    public const string StateMachineTypeNotSupported = "StateMachineTypeNotSupported";
    public const string InvalidDefinition = "InvalidDefinition";
    public const string InvalidName = "InvalidName";
    public const string InvalidArn = "InvalidArn";
    public const string InvalidExecutionInput = "InvalidExecutionInput";
    public const string InvalidOutput = "InvalidOutput";
    public const string InvalidToken = "InvalidToken";
    public const string ExecutionDoesNotExist = "ExecutionDoesNotExist";
    public const string ExecutionAlreadyExists = "ExecutionAlreadyExists";
    public const string ExecutionLimitExceeded = "ExecutionLimitExceeded";
    public const string TaskDoesNotExist = "TaskDoesNotExist";
    public const string TaskTimedOut = "TaskTimedOut";
    public const string ValidationException = "ValidationException";
    public const string ConflictException = "ConflictException";
}
