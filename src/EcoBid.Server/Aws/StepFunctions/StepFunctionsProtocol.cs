using EcoBid.Server.Aws.Protocol;

namespace EcoBid.Server.Aws.StepFunctions;

/// <summary>
/// Step Functions' own API (<c>X-Amz-Target: AWSStepFunctions.*</c>, JSON 1.0, signed for <c>states</c>) over
/// <see cref="Workflows.Contract.IWorkflowService"/>.
/// </summary>
public static class StepFunctionsProtocol
{
    public const string TargetPrefix = "AWSStepFunctions";
    public const string SigningName = "states";

    public static AwsService Create() => new(TargetPrefix, SigningName, "1.0",
    [
        new("CreateStateMachine", StepFunctionsShapes.CreateStateMachine, StateMachineActions.CreateAsync),
        new("UpdateStateMachine", StepFunctionsShapes.UpdateStateMachine, StateMachineActions.UpdateAsync),
        new("DescribeStateMachine", StepFunctionsShapes.DescribeStateMachine, StateMachineActions.DescribeAsync),
        new("ListStateMachines", StepFunctionsShapes.ListStateMachines, StateMachineActions.ListAsync),
        new("DeleteStateMachine", StepFunctionsShapes.DeleteStateMachine, StateMachineActions.DeleteAsync),
        new("ValidateStateMachineDefinition", StepFunctionsShapes.ValidateStateMachineDefinition, StateMachineActions.ValidateAsync),
        new("StartExecution", StepFunctionsShapes.StartExecution, ExecutionActions.StartAsync),
        new("StartSyncExecution", StepFunctionsShapes.StartSyncExecution, ExecutionActions.StartSyncAsync),
        new("DescribeExecution", StepFunctionsShapes.DescribeExecution, ExecutionActions.DescribeAsync),
        new("ListExecutions", StepFunctionsShapes.ListExecutions, ExecutionActions.ListAsync),
        new("GetExecutionHistory", StepFunctionsShapes.GetExecutionHistory, ExecutionActions.HistoryAsync),
        new("StopExecution", StepFunctionsShapes.StopExecution, ExecutionActions.StopAsync),
        new("SendTaskSuccess", StepFunctionsShapes.SendTaskSuccess, TaskTokenActions.SuccessAsync),
        new("SendTaskFailure", StepFunctionsShapes.SendTaskFailure, TaskTokenActions.FailureAsync),
        new("SendTaskHeartbeat", StepFunctionsShapes.SendTaskHeartbeat, TaskTokenActions.HeartbeatAsync),
        new("TestState", StepFunctionsShapes.TestState, TestStateAction.TestAsync),
    ], StepFunctionsErrors.Translate);
}
