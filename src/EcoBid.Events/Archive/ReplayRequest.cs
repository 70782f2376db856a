namespace EcoBid.Events.Archive;

/// <summary>A replay as asked for, before validation; any field may be missing or wrong.</summary>
public sealed record ReplayRequest(string? Name, DateTimeOffset? From, DateTimeOffset? To, string? EventPattern, IReadOnlyList<string>? Targets);
