namespace EcoBid.Workflows.Execution;

/// <summary>The history event types this interpreter writes (AWS's names) and their details properties.</summary>
public static class HistoryEventTypes
{
    public const string ExecutionStarted = "ExecutionStarted";
    public const string ExecutionSucceeded = "ExecutionSucceeded";
    public const string ExecutionFailed = "ExecutionFailed";
    public const string ExecutionAborted = "ExecutionAborted";
    public const string ExecutionTimedOut = "ExecutionTimedOut";
    public const string TaskScheduled = "TaskScheduled";
    public const string TaskStarted = "TaskStarted";
    public const string TaskSucceeded = "TaskSucceeded";
    public const string TaskFailed = "TaskFailed";
    public const string TaskTimedOut = "TaskTimedOut";
    public const string MapStateStarted = "MapStateStarted";
    public const string MapStateSucceeded = "MapStateSucceeded";
    public const string MapStateFailed = "MapStateFailed";
    public const string MapStateAborted = "MapStateAborted";
    public const string MapIterationStarted = "MapIterationStarted";
    public const string MapIterationSucceeded = "MapIterationSucceeded";
    public const string MapIterationFailed = "MapIterationFailed";
    public const string MapIterationAborted = "MapIterationAborted";
    public const string ParallelStateStarted = "ParallelStateStarted";
    public const string ParallelStateSucceeded = "ParallelStateSucceeded";
    public const string ParallelStateFailed = "ParallelStateFailed";
    public const string ParallelStateAborted = "ParallelStateAborted";
    public const string WaitStateAborted = "WaitStateAborted";
    public const string TaskStateAborted = "TaskStateAborted";
    public const string LambdaFunctionScheduled = "LambdaFunctionScheduled";
    public const string LambdaFunctionStarted = "LambdaFunctionStarted";
    public const string LambdaFunctionSucceeded = "LambdaFunctionSucceeded";
    public const string LambdaFunctionFailed = "LambdaFunctionFailed";
    public const string LambdaFunctionTimedOut = "LambdaFunctionTimedOut";

    /// <summary>
    /// Whether a Task resource is a Lambda function ARN used directly (not through <c>arn:aws:states:::lambda:invoke</c>):
    /// AWS records those with LambdaFunction* events instead of Task* events.
    /// </summary>
    public static bool IsLambdaFunction(string resource) => resource.StartsWith("arn:aws:lambda:", StringComparison.Ordinal) && resource.Contains(":function:", StringComparison.Ordinal);

    /// <summary><c>{Type}StateEntered</c>, e.g. <c>PassStateEntered</c>.</summary>
    public static string Entered(Definition.StateType type) => type + "StateEntered";

    /// <summary><c>{Type}StateExited</c>.</summary>
    public static string Exited(Definition.StateType type) => type + "StateExited";

    /// <summary>The name of the details member of an event type, or null for types without details.</summary>
    public static string? DetailsProperty(string type)
    {
        if (type.EndsWith("StateEntered", StringComparison.Ordinal)) return "stateEnteredEventDetails";
        if (type.EndsWith("StateExited", StringComparison.Ordinal)) return "stateExitedEventDetails";
        return type switch
        {
            ExecutionStarted => "executionStartedEventDetails",
            ExecutionSucceeded => "executionSucceededEventDetails",
            ExecutionFailed => "executionFailedEventDetails",
            ExecutionAborted => "executionAbortedEventDetails",
            ExecutionTimedOut => "executionTimedOutEventDetails",
            TaskScheduled => "taskScheduledEventDetails",
            TaskStarted => "taskStartedEventDetails",
            TaskSucceeded => "taskSucceededEventDetails",
            TaskFailed => "taskFailedEventDetails",
            TaskTimedOut => "taskTimedOutEventDetails",
            MapStateStarted => "mapStateStartedEventDetails",
            LambdaFunctionScheduled => "lambdaFunctionScheduledEventDetails",
            LambdaFunctionSucceeded => "lambdaFunctionSucceededEventDetails",
            LambdaFunctionFailed => "lambdaFunctionFailedEventDetails",
            LambdaFunctionTimedOut => "lambdaFunctionTimedOutEventDetails",
            MapIterationStarted or MapIterationSucceeded or MapIterationFailed or MapIterationAborted => type[0..1].ToLowerInvariant() + type[1..] + "EventDetails",
            _ => null,
        };
    }
}
