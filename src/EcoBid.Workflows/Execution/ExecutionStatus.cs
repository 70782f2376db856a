namespace EcoBid.Workflows.Execution;

/// <summary>DescribeExecution's <c>status</c>.</summary>
public enum ExecutionStatus
{
    Running,
    Succeeded,
    Failed,
    TimedOut,
    Aborted,
}
