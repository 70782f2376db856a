namespace EcoBid.Server.Alarms;

/// <summary>The stored state of an alarm (<c>OK</c> or <c>ALARM</c>) since its last transition.</summary>
public sealed record AlarmState(string Name, string State, DateTimeOffset Since, double? Value, string? Reason)
{
    public const string Ok = "OK";
    public const string Alarm = "ALARM";

    public bool IsAlarm => State == Alarm;
}
