namespace EcoBid.Server.Alarms;

/// <summary>One evaluation of an alarm: its value (<c>null</c>: not enough data to judge) and what was seen, in words.</summary>
public sealed record AlarmReading(double? Value, string Reason)
{
    public static AlarmReading NoData(string reason) => new(null, reason);
}
