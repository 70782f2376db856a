namespace EcoBid.Events.Timers;

/// <summary>
/// An event due at a time. <see cref="Key"/> names the timer so its owner can move or cancel it (an extended auction
/// moves its end); <see cref="Schedule"/> names the recurring schedule that owns it, if any.
/// </summary>
public sealed record ScheduledTimer(string Key, DateTimeOffset DueAt, string EnvelopeJson, string? Schedule = null);
