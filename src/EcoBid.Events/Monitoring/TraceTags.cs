namespace EcoBid.Events.Monitoring;

/// <summary>
/// The attributes EcoBid's spans carry: OpenTelemetry's messaging conventions where one fits, <c>ecobid.*</c> for the
/// rest (event id, detail-type, target, attempt, outcome, correlation id).
/// </summary>
public static class TraceTags
{
    public const string System = "ecobid";
    public const string MessagingSystem = "messaging.system";
    public const string MessagingOperation = "messaging.operation.type";
    public const string MessagingDestination = "messaging.destination.name";
    public const string EventId = "ecobid.event.id";
    public const string EventSource = "ecobid.event.source";
    public const string DetailType = "ecobid.event.detail_type";
    public const string Target = "ecobid.target";
    public const string Attempt = "ecobid.attempt";
    public const string Outcome = "ecobid.outcome";
    public const string Targets = "ecobid.targets";
    public const string CorrelationId = "ecobid.correlation_id";
    public const string StateMachine = "ecobid.workflow.state_machine";
    public const string Execution = "ecobid.workflow.execution";
    public const string State = "ecobid.workflow.state";
}
