using EcoBid.Events.Storage;
using Microsoft.Extensions.Options;

namespace EcoBid.Events.Archive;

/// <summary>
/// Applies <see cref="ArchiveOptions.RetentionDays"/>. It works in the caller's transaction, so the daily cleanup
/// handler can call it from its own write scope (a nested write would wait on the writer it already holds).
/// </summary>
public sealed class ArchiveRetention(IEventArchive archive, IOptions<ArchiveOptions> options)
{
    /// <summary>Deletes archived events older than the retention period; returns how many (0 when events are kept forever).</summary>
    public Task<int> PruneExpiredAsync(IWriteScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var days = options.Value.RetentionDays;
        return days <= 0 ? Task.FromResult(0) : archive.PruneAsync(scope, scope.Now.AddDays(-days));
    }
}
