namespace EcoBid.Events.Scheduling;

/// <summary>The unit of a <c>rate()</c> expression.</summary>
public enum RateUnit
{
    Minute,
    Hour,
    Day,
}
