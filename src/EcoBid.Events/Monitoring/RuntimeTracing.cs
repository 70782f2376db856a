using System.Diagnostics;
using EcoBid.Events.Envelope;

namespace EcoBid.Events.Monitoring;

/// <summary>Traces (ActivitySource <c>EcoBid.Events</c>): a handler's span continues the trace the envelope carries.</summary>
public static class RuntimeTracing
{
    public static ActivitySource Source { get; } = new("EcoBid.Events");

    public static Activity? StartHandling(string target, EventEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ActivityContext.TryParse(envelope.TraceParent, null, out var parent);
        var activity = Source.StartActivity($"handle {envelope.DetailType} {target}", ActivityKind.Consumer, parent);
        activity?.SetTag("messaging.destination.name", target);
        activity?.SetTag("messaging.message.id", envelope.Id);
        activity?.SetTag("ecobid.correlation_id", envelope.CorrelationId);
        return activity;
    }
}
