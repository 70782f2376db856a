using EcoBid.Workflows.Execution;

namespace EcoBid.Server.Workflows.Runtime;

/// <summary>DescribeExecution's status names.</summary>
public static class ExecutionStatuses
{
    public const string Running = "RUNNING";
    public const string Succeeded = "SUCCEEDED";
    public const string Failed = "FAILED";
    public const string TimedOut = "TIMED_OUT";
    public const string Aborted = "ABORTED";

    public static IReadOnlyList<string> All { get; } = [Running, Succeeded, Failed, TimedOut, Aborted];

    public static string Of(ExecutionStatus status) => status switch
    {
        ExecutionStatus.Running => Running,
        ExecutionStatus.Succeeded => Succeeded,
        ExecutionStatus.Failed => Failed,
        ExecutionStatus.TimedOut => TimedOut,
        _ => Aborted,
    };
}
