namespace EcoBid.Domain.Events;

/// <summary>
/// An operational alarm went off (the seeds' AdminAlerts topic): <c>Value</c> crossed <c>Threshold</c> (both in
/// <c>Unit</c>); <c>Reason</c> says what was seen, in words an operator can act on. Admins are notified.
/// </summary>
[DomainEvent(EventSources.Alarms, "AlarmRaised")]
public sealed record AlarmRaised(string Alarm, string Description, double Value, double Threshold, string Unit, string Reason, DateTimeOffset RaisedAt);

/// <summary>An alarm is back to normal, after staying under its threshold for its clearing period.</summary>
[DomainEvent(EventSources.Alarms, "AlarmCleared")]
public sealed record AlarmCleared(string Alarm, string Description, double? Value, double Threshold, string Unit, DateTimeOffset RaisedAt, DateTimeOffset ClearedAt);
