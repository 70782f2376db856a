namespace EcoBid.Server.Alarms;

/// <summary>An alarm went to <see cref="State"/> at <see cref="At"/>, with the value and reason that did it.</summary>
public sealed record AlarmTransition(long Id, string Name, string State, double? Value, double Threshold, string Reason, DateTimeOffset At);
