namespace EcoBid.Server.Observability.Trace;

/// <summary>Everything one correlation id set off: its events in order, each with its deliveries.</summary>
public sealed record CorrelationTrace(string CorrelationId, IReadOnlyList<TracedEvent> Events, bool Truncated);

/// <summary>
/// One event: <c>pending</c> while it waits in the outbox, <c>dispatched</c> once archived and enqueued
/// (<see cref="DispatchedAt"/>). <see cref="TraceParent"/> is the span it was handed on under (W3C form).
/// </summary>
public sealed record TracedEvent(
    string Id,
    string Source,
    string DetailType,
    DateTimeOffset Time,
    string State,
    DateTimeOffset? DispatchedAt,
    double? DispatchMs,
    string? TraceParent,
    IReadOnlyList<TracedDelivery> Deliveries);

/// <summary>
/// One target's delivery of the event. <see cref="Status"/>: <c>handled</c> (its inbox mark, at <see cref="HandledAt"/>;
/// <see cref="LatencyMs"/> from the event's time), <c>visible</c>, <c>in_flight</c> or <c>delayed</c> (waiting for a retry)
/// in the queue, <c>dead_lettered</c>, <c>awaiting_dispatch</c>, or <c>unknown</c> (no trace left: its inbox mark was
/// pruned, or the rules changed). <see cref="Attempts"/> are this process's recent attempts, with their durations.
/// </summary>
public sealed record TracedDelivery(
    string Target,
    string Status,
    DateTimeOffset? HandledAt,
    double? LatencyMs,
    int? ReceiveCount,
    string? LastError,
    IReadOnlyList<TracedAttempt> Attempts);

/// <summary>One handler attempt seen by this process: <c>handled</c>, <c>duplicate</c>, <c>retry</c> or <c>dead_lettered</c>.</summary>
public sealed record TracedAttempt(DateTimeOffset At, string Outcome, int ReceiveCount, double? DurationMs, string? Error);
