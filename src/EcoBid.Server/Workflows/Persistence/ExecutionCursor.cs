namespace EcoBid.Server.Workflows.Persistence;

/// <summary>Where a page of executions (newest first) continues: after this start time and ARN.</summary>
public sealed record ExecutionCursor(long StartedAt, string Arn);
