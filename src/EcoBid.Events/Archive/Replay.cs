namespace EcoBid.Events.Archive;

/// <summary>
/// A replay and its progress. <see cref="Total"/> is the number of archived events in the range when the replay
/// started; <see cref="Scanned"/> counts events read so far, <see cref="Matched"/> those that matched the pattern and
/// went to at least one target, <see cref="Delivered"/> the messages enqueued (one per event and target).
/// <see cref="Position"/> is the last event read, from which a restarted runner carries on.
/// </summary>
public sealed record Replay(
    ReplayDefinition Definition,
    ReplayState State,
    long Total,
    long Scanned,
    long Matched,
    long Delivered,
    ArchivePosition? Position,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string? Error)
{
    public string Name => Definition.Name;
}
