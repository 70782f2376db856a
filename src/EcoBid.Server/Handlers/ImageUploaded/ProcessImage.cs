using System.Text.Json;
using EcoBid.Events.Envelope;
using EcoBid.Events.Handlers;
using EcoBid.Events.Storage;
using EcoBid.Images.Hashing;
using EcoBid.Images.Moderation;
using EcoBid.Images.Processing;
using EcoBid.Server.Blobs;
using EcoBid.Server.Events;
using EcoBid.Server.Images;

namespace EcoBid.Server.Handlers.ImageUploaded;

/// <summary>
/// The seeds' ProcessImage. Outside the write transaction (libvips holds a core for a few hundred milliseconds, the
/// single writer must not wait on it): reads the original from the blob store, makes the renditions
/// (<see cref="ImageProcessor"/>), has moderation review them against the seller's other photos, and writes the
/// renditions to the blob store under their content hashes. Then, in a short transaction: the photo's result and
/// rendition rows, and <c>ImageProcessed</c>. A redelivery after a crash does the same work, writes the same names and
/// commits once; a photo already decided is not processed again. A photo that keeps failing (or crashing the
/// process) is dead-lettered after three receives, and <see cref="ErrorOccurred.MarkImageFailed"/> marks it failed.
/// </summary>
public sealed class ProcessImage(
    IEventDatabase database,
    IImageStore images,
    IBlobStore blobs,
    ImageProcessor processor,
    IImageModeration moderation,
    TimeProvider clock) : IPreparingEventHandler
{
    public const string Target = "ProcessImage";

    public async Task<object?> PrepareAsync(EventEnvelope envelope, CancellationToken cancellationToken)
    {
        var uploaded = envelope.Read<Domain.Events.ImageUploaded>();
        var image = await database.ReadAsync(connection => images.FindAsync(connection, uploaded.ImageId), cancellationToken);
        if (image is not { Status: ImageStatus.Processing or ImageStatus.Failed, OriginalKey: { } originalKey })
        {
            return null; // deleted, or decided by an earlier delivery
        }

        ImageProcessingResult result;
        await using (var original = await blobs.OpenReadAsync(originalKey, cancellationToken)
            ?? throw new InvalidOperationException($"The original of photo {image.Id} ({originalKey}) is missing from the blob store."))
        {
            result = await processor.ProcessAsync(original.Content, image.ContentType, cancellationToken);
        }

        if (!result.IsAccepted)
        {
            return Rejected(image, result.Problems, null);
        }

        var others = await database.ReadAsync(connection => images.SellerHashesAsync(connection, image.SellerId, image.Id), cancellationToken);
        var review = ImageReview.Of(result.Image, [.. others.Select(o => new SellerImage(o.ImageId, PerceptualHash.Parse(o.Hash)))]);
        var verdict = await moderation.ReviewAsync(review, cancellationToken);
        if (verdict.Decision == ImageModerationDecision.Reject)
        {
            return Rejected(image, verdict.Reasons, result.Image);
        }

        var renditions = new List<RenditionRecord>(result.Image.Renditions.Count);
        foreach (var rendition in result.Image.Renditions)
        {
            var key = ImageBlobNames.Rendition(image.Id, rendition.Sha256, rendition.Format);
            await using (var content = rendition.OpenRead())
            {
                await blobs.PutAsync(key, content, rendition.Bytes, rendition.ContentType, cancellationToken);
            }

            renditions.Add(new RenditionRecord
            {
                ImageId = image.Id,
                Name = rendition.Name,
                Format = ImageBlobNames.FormatName(rendition.Format),
                Sha256 = rendition.Sha256,
                BlobKey = key,
                ContentType = rendition.ContentType,
                Width = rendition.Width,
                Height = rendition.Height,
                Bytes = rendition.Bytes,
            });
        }

        var flagged = verdict.Decision == ImageModerationDecision.FlagForReview;
        return new Decided(image, new ImageCompletion(
            image.Id,
            ImageStatus.Ready,
            clock.GetUtcNow().ToUnixTimeMilliseconds(),
            result.Image.Width,
            result.Image.Height,
            result.Image.Placeholder,
            result.Image.Hash.ToString(),
            flagged ? "flagged" : "approved",
            flagged ? Json(verdict.Reasons) : null,
            renditions), []);
    }

    public async Task HandleAsync(EventEnvelope envelope, object? prepared, IWriteScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (prepared is not Decided decided)
        {
            return;
        }

        var completion = decided.Completion with { ProcessedAt = scope.Now.ToUnixTimeMilliseconds() };
        if (!await images.CompleteAsync(scope, completion))
        {
            return; // decided by another delivery meanwhile, or deleted: its blobs are swept by the daily cleanup
        }

        await scope.PublishAsync(new Domain.Events.ImageProcessed(
            decided.Image.Id, decided.Image.ItemId, completion.Status, completion.Width, completion.Height, decided.ProblemCodes, scope.Now));
    }

    private Decided Rejected(ImageRecord image, IReadOnlyList<ImageProblem> problems, ProcessedImage? processed) =>
        new(image, new ImageCompletion(
            image.Id,
            ImageStatus.Rejected,
            clock.GetUtcNow().ToUnixTimeMilliseconds(),
            processed?.Width,
            processed?.Height,
            null,
            null,
            null,
            Json(problems),
            []), [.. problems.Select(p => p.Code)]);

    private static string Json(IReadOnlyList<ImageProblem> problems) => JsonSerializer.Serialize(problems, EcoBidJson.Web);

    /// <summary>What the preparation decided, for the transaction to commit.</summary>
    private sealed record Decided(ImageRecord Image, ImageCompletion Completion, IReadOnlyList<string> ProblemCodes);
}
