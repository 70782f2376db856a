namespace EcoBid.Workflows.Execution;

/// <summary>Bounds on one <see cref="WorkflowInterpreter"/> call and on an execution.</summary>
public sealed record WorkflowLimits
{
    /// <summary>
    /// State transitions one Start/Resume runs before it yields with a due-now <see cref="StartTimer"/>
    /// (id <c>…:continue:N</c>) so the host can persist and call again.
    /// </summary>
    public int MaxTransitionsPerAdvance { get; init; } = 10_000;

    /// <summary>AWS's 25,000-event history cap for Standard executions; null for none (Express).</summary>
    public int? MaxHistoryEvents { get; init; } = 25_000;

    /// <summary>Largest state input, output, task result or variable in UTF-8 bytes (256 KiB); null skips the checks.</summary>
    public int? MaxPayloadBytes { get; init; } = 256 * 1024;

    /// <summary>Whether to build history events (Express executions without logging can skip them).</summary>
    public bool RecordHistory { get; init; } = true;

    public static WorkflowLimits Standard { get; } = new();

    /// <summary>No history cap and no history: for in-memory Express executions.</summary>
    public static WorkflowLimits Express { get; } = new() { MaxHistoryEvents = null, RecordHistory = false };
}
