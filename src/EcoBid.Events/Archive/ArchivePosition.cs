namespace EcoBid.Events.Archive;

/// <summary>
/// Where an archived event sits in time order: its event time, then its archive sequence to order events that share a
/// millisecond. Reading "after" a position is a keyset read, so a replay's progress is one small, resumable value.
/// </summary>
public readonly record struct ArchivePosition(DateTimeOffset Time, long Sequence);
