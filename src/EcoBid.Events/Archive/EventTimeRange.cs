namespace EcoBid.Events.Archive;

/// <summary>Event times from <see cref="From"/> (inclusive) to <see cref="To"/> (exclusive), compared to the millisecond.</summary>
public readonly record struct EventTimeRange(DateTimeOffset From, DateTimeOffset To);
