using System.Text.Json.Nodes;

namespace EcoBid.Workflows.Execution;

/// <summary>Work the host must do after persisting an <see cref="Advance"/>.</summary>
public abstract record WorkflowCommand;

/// <summary>
/// Invoke a task. <paramref name="InvocationId"/> is stable for this attempt of this state visit (execution, state
/// path with branch/iteration, entered event id, attempt): a host that crashed after persisting may invoke again with
/// the same id and de-duplicate on it. Report the outcome with <see cref="TaskSucceeded"/> / <see cref="TaskFailed"/>.
/// </summary>
public sealed record InvokeTask(
    string InvocationId,
    string Resource,
    JsonNode? Arguments,
    int? TimeoutSeconds,
    int? HeartbeatSeconds,
    string? TaskToken,
    string StateName) : WorkflowCommand;

/// <summary>Start (or replace) the timer <paramref name="TimerId"/>; report <see cref="TimerFired"/> when due.</summary>
public sealed record StartTimer(string TimerId, DateTimeOffset DueAt) : WorkflowCommand;

/// <summary>Forget the timer <paramref name="TimerId"/> (a stale firing is ignored anyway).</summary>
public sealed record CancelTimer(string TimerId) : WorkflowCommand;
