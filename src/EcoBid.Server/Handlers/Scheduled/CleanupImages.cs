using EcoBid.Events.Envelope;
using EcoBid.Events.Handlers;
using EcoBid.Events.Storage;
using EcoBid.Server.Blobs;
using EcoBid.Server.Images;
using Microsoft.Extensions.Options;

namespace EcoBid.Server.Handlers.Scheduled;

/// <summary>
/// The photos' part of the DailyCleanup schedule (seed 002: images are deleted after 90 days). Outside the write
/// transaction it deletes the blobs of: originals processed more than <see cref="ImagesOptions.OriginalGracePeriod"/>
/// ago; every photo of items that ended (picked up, expired, withdrawn, auction ended) more than
/// <see cref="ImagesOptions.RetentionDays"/> ago; upload tickets whose bytes never came within
/// <see cref="ImagesOptions.AbandonedUploadAfter"/>; and blobs that belong to no photo any more (a delete that failed,
/// a rendition written for a photo deleted meanwhile) once they are an hour old. Then it forgets those originals and
/// photos in one transaction. Everything here can run twice.
/// </summary>
public sealed class CleanupImages(IEventDatabase database, IImageStore images, IBlobStore blobs, IOptions<ImagesOptions> options, TimeProvider clock) : IPreparingEventHandler
{
    public const string Target = "CleanupImages";

    /// <summary>Photos handled per kind and run; a larger backlog continues the next night.</summary>
    public const int BatchLimit = 5000;

    private static readonly TimeSpan OrphanAge = TimeSpan.FromHours(1);

    public async Task<object?> PrepareAsync(EventEnvelope envelope, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var originals = await database.ReadAsync(
            connection => images.OriginalsDueAsync(connection, (now - settings.OriginalGracePeriod).ToUnixTimeMilliseconds(), BatchLimit), cancellationToken);
        foreach (var original in originals)
        {
            await blobs.DeleteAsync(original.Key, cancellationToken);
        }

        var expired = await database.ReadAsync(
            connection => images.ExpiredAsync(
                connection,
                (now - TimeSpan.FromDays(settings.RetentionDays)).ToUnixTimeMilliseconds(),
                (now - settings.AbandonedUploadAfter).ToUnixTimeMilliseconds(),
                BatchLimit),
            cancellationToken);
        foreach (var key in expired.SelectMany(e => e.Keys))
        {
            await blobs.DeleteAsync(key, cancellationToken);
        }

        await DeleteOrphansAsync(now, cancellationToken);
        return new Cleaned([.. originals.Select(o => o.ImageId)], [.. expired.Select(e => e.ImageId)]);
    }

    public async Task HandleAsync(EventEnvelope envelope, object? prepared, IWriteScope scope, CancellationToken cancellationToken)
    {
        if (prepared is not Cleaned cleaned)
        {
            return;
        }

        await images.ForgetOriginalsAsync(scope, cleaned.Originals);
        await images.DeleteManyAsync(scope, cleaned.Images);
    }

    private async Task DeleteOrphansAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var prefix in new[] { ImageBlobNames.OriginalsPrefix, ImageBlobNames.RenditionsPrefix })
        {
            var byImage = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            await foreach (var blob in blobs.ListAsync(prefix, cancellationToken))
            {
                if (now - blob.LastModified > OrphanAge && ImageBlobNames.ImageIdOf(blob.Key) is { } imageId)
                {
                    (byImage.TryGetValue(imageId, out var keys) ? keys : byImage[imageId] = []).Add(blob.Key);
                }
            }

            foreach (var chunk in byImage.Keys.Chunk(500))
            {
                var existing = await database.ReadAsync(connection => images.ExistingAsync(connection, chunk), cancellationToken);
                foreach (var orphan in chunk.Where(id => !existing.Contains(id)))
                {
                    foreach (var key in byImage[orphan])
                    {
                        await blobs.DeleteAsync(key, cancellationToken);
                    }
                }
            }
        }
    }

    /// <summary>Originals whose blobs were deleted, and photos (with all their blobs) to forget.</summary>
    private sealed record Cleaned(IReadOnlyList<string> Originals, IReadOnlyList<string> Images);
}
