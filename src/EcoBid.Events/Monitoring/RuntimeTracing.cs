using System.Diagnostics;
using EcoBid.Events.Envelope;

namespace EcoBid.Events.Monitoring;

/// <summary>
/// Traces (ActivitySource <c>EcoBid.Events</c>). The envelope carries the W3C trace parent from the request that
/// published an event; the relay's span for the event (<c>relay ItemCreated</c>) continues it and becomes the parent
/// the envelope carries on to the queues, each handler's span (<c>handle Index</c>) continues that, and what a handler
/// publishes names the handler's span. So one request, its events, their deliveries and the events those cause are
/// one trace. With no listener (no exporter configured) every method returns <c>null</c> before building anything.
/// </summary>
public static class RuntimeTracing
{
    public const string SourceName = "EcoBid.Events";

    public static ActivitySource Source { get; } = new(SourceName);

    /// <summary>The span of one event's dispatch by the outbox relay (archive and enqueue to each target).</summary>
    public static Activity? StartRelay(string eventId, string source, string detailType, string? traceParent, string? correlationId)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        var activity = StartDetached($"relay {detailType}", ActivityKind.Producer, traceParent);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(TraceTags.MessagingSystem, TraceTags.System);
            activity.SetTag(TraceTags.MessagingOperation, "publish");
            activity.SetTag(TraceTags.EventId, eventId);
            activity.SetTag(TraceTags.EventSource, source);
            activity.SetTag(TraceTags.DetailType, detailType);
            activity.SetTag(TraceTags.CorrelationId, correlationId);
        }

        return activity;
    }

    /// <summary>A handler's span for one delivery (<paramref name="attempt"/> is the message's receive count).</summary>
    public static Activity? StartHandling(string target, EventEnvelope envelope, int attempt)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        if (!Source.HasListeners())
        {
            return null;
        }

        var activity = Start($"handle {target}", ActivityKind.Consumer, envelope.TraceParent);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(TraceTags.MessagingSystem, TraceTags.System);
            activity.SetTag(TraceTags.MessagingOperation, "process");
            activity.SetTag(TraceTags.MessagingDestination, target);
            activity.SetTag(TraceTags.Target, target);
            activity.SetTag(TraceTags.EventId, envelope.Id);
            activity.SetTag(TraceTags.EventSource, envelope.Source);
            activity.SetTag(TraceTags.DetailType, envelope.DetailType);
            activity.SetTag(TraceTags.Attempt, attempt);
            activity.SetTag(TraceTags.CorrelationId, envelope.CorrelationId);
        }

        return activity;
    }

    /// <summary>
    /// A workflow's span for one state it runs (<c>step Reserve</c>), under the trace of the event or request that
    /// started the execution (<paramref name="traceParent"/>, kept with the execution).
    /// </summary>
    public static Activity? StartWorkflowStep(string stateMachine, string execution, string state, string? traceParent)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        var activity = Start($"step {state}", ActivityKind.Internal, traceParent);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(TraceTags.StateMachine, stateMachine);
            activity.SetTag(TraceTags.Execution, execution);
            activity.SetTag(TraceTags.State, state);
        }

        return activity;
    }

    /// <summary>Records how the work of the span ended; an error outcome marks the span as failed.</summary>
    public static void SetOutcome(Activity? activity, string outcome, string? error = null)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetTag(TraceTags.Outcome, outcome);
        if (error is not null)
        {
            activity.SetStatus(ActivityStatusCode.Error, error);
        }
    }

    /// <summary>
    /// Starts a span that does not become <see cref="Activity.Current"/>: the relay opens one per event of a batch,
    /// and each must be a sibling under its own event's parent, not a child of the one started before it.
    /// </summary>
    private static Activity? StartDetached(string name, ActivityKind kind, string? traceParent)
    {
        var previous = Activity.Current;
        var activity = Start(name, kind, traceParent);
        Activity.Current = previous;
        return activity;
    }

    private static Activity? Start(string name, ActivityKind kind, string? traceParent) =>
        traceParent is not null && ActivityContext.TryParse(traceParent, null, out var parent)
            ? Source.StartActivity(name, kind, parent)
            : Source.StartActivity(name, kind, default(ActivityContext));
}
