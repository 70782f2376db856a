namespace EcoBid.Events.Timers;

/// <summary>
/// What the runtime remembers of a recurring schedule: the definition it was registered with (a changed definition
/// starts afresh), the anchor rate expressions count from, and when it last fired.
/// </summary>
public sealed record ScheduleState(string Name, string Definition, DateTimeOffset AnchorAt, DateTimeOffset? LastFiredAt);
