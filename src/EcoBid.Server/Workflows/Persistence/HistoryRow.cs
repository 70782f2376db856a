namespace EcoBid.Server.Workflows.Persistence;

/// <summary>One stored history event: its id within the execution and its GetExecutionHistory JSON.</summary>
public sealed record HistoryRow(long Id, string Event);
