using EcoBid.Events.Storage;

namespace EcoBid.Events.Archive;

/// <summary>
/// Every dispatched event, kept for replay (EventBridge's archive), read by event-time range in time order.
/// </summary>
public interface IEventArchive
{
    /// <summary>Up to <paramref name="max"/> events in the range that sit after <paramref name="after"/>, in time order.</summary>
    /// <param name="after">The last position already read; <c>null</c> to start at the beginning of the range.</param>
    Task<IReadOnlyList<ArchivedEvent>> ReadAsync(EventTimeRange range, ArchivePosition? after, int max, CancellationToken cancellationToken);

    Task<long> CountAsync(EventTimeRange range, CancellationToken cancellationToken);

    /// <summary>Deletes, in the caller's transaction, every event whose event time is before <paramref name="cutOff"/>; returns how many.</summary>
    Task<int> PruneAsync(IWriteScope scope, DateTimeOffset cutOff);
}
