namespace EcoBid.Events.Monitoring;

/// <summary>The values of the <c>ecobid.outcome</c> span attribute.</summary>
public static class TraceOutcomes
{
    public const string Dispatched = "dispatched";
    public const string Handled = "handled";
    public const string Duplicate = "duplicate";
    public const string Retry = "retry";
    public const string DeadLettered = "dead_lettered";
    public const string Failed = "failed";
}
