namespace EcoBid.Events.Archive;

/// <summary>
/// What a replay re-delivers: archived events with event time in [<see cref="From"/>, <see cref="To"/>) that match
/// <see cref="EventPattern"/> (every event when <c>null</c>), to the targets their rules route them to, narrowed to
/// <see cref="Targets"/> when given. Validated: see <see cref="ReplayValidation"/>.
/// </summary>
public sealed record ReplayDefinition(string Name, DateTimeOffset From, DateTimeOffset To, string? EventPattern, IReadOnlyList<string>? Targets)
{
    public EventTimeRange Range => new(From, To);
}
