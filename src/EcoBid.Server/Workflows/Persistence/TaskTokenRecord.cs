namespace EcoBid.Server.Workflows.Persistence;

/// <summary>A row of <c>workflow_task_tokens</c>: which execution and invocation a callback token answers.</summary>
public sealed class TaskTokenRecord
{
    public const string Open = "open";
    public const string Closed = "closed";
    public const string TimedOut = "timed_out";

    public required string Token { get; init; }
    public required string Execution { get; init; }
    public required string Invocation { get; init; }
    public required string Status { get; init; }
}
