using System.Text.Json.Nodes;

namespace EcoBid.Workflows.Execution;

/// <summary>Something that happened outside the interpreter and that a running execution reacts to.</summary>
public abstract record ExecutionSignal;

/// <summary>The task invoked as <paramref name="InvocationId"/> returned <paramref name="Output"/> (SendTaskSuccess for a token task).</summary>
public sealed record TaskSucceeded(string InvocationId, JsonNode? Output) : ExecutionSignal;

/// <summary>The task failed with an error name and cause (SendTaskFailure, a Lambda error, …).</summary>
public sealed record TaskFailed(string InvocationId, string Error, string? Cause) : ExecutionSignal;

/// <summary>SendTaskHeartbeat: restarts the task's heartbeat timer.</summary>
public sealed record TaskHeartbeat(string InvocationId) : ExecutionSignal;

/// <summary>A timer the interpreter asked for (<see cref="StartTimer"/>) is due.</summary>
public sealed record TimerFired(string TimerId) : ExecutionSignal;

/// <summary>StopExecution.</summary>
public sealed record StopRequested(string? Error = null, string? Cause = null) : ExecutionSignal;
