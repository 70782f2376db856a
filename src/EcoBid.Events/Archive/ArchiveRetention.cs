using Microsoft.Extensions.Options;

namespace EcoBid.Events.Archive;

/// <summary>Applies <see cref="ArchiveOptions.RetentionDays"/>; the daily cleanup calls it.</summary>
public sealed class ArchiveRetention(IEventArchive archive, TimeProvider clock, IOptions<ArchiveOptions> options)
{
    /// <summary>Deletes archived events older than the retention period; returns how many (0 when events are kept forever).</summary>
    public Task<long> PruneExpiredAsync(CancellationToken cancellationToken)
    {
        var days = options.Value.RetentionDays;
        return days <= 0
            ? Task.FromResult(0L)
            : archive.PruneAsync(clock.GetUtcNow().AddDays(-days), cancellationToken);
    }
}
