namespace EcoBid.Server.Workflows.Persistence;

/// <summary>
/// A row of <c>workflow_executions</c>. <see cref="ParentMode"/> is <c>sync</c> when a parent execution's
/// <c>states:startExecution.sync:2</c> task waits for this one to end; times are Unix milliseconds.
/// </summary>
public sealed class ExecutionRecord
{
    public required string Arn { get; init; }
    public required string Id { get; init; }
    public required string Machine { get; init; }
    public required string Name { get; init; }
    public required int Version { get; init; }
    public required string Status { get; set; }
    public required string Input { get; init; }
    public required string InputHash { get; init; }
    public string? Output { get; set; }
    public string? Error { get; set; }
    public string? Cause { get; set; }
    public required long StartedAt { get; init; }
    public long? StoppedAt { get; set; }
    public string? TraceHeader { get; init; }
    public string? StartedBy { get; init; }
    public string? ParentArn { get; init; }
    public string? ParentInvocation { get; init; }
    public string? ParentMode { get; init; }
    public long HistoryCount { get; set; }
}
