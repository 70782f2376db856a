namespace EcoBid.Images.Moderation;

/// <summary>
/// Reviews a processed image before it is shown. <see cref="BasicImageModeration"/> checks dimensions and
/// near-duplicates; a cloud classifier can implement this port too (it gets a JPEG preview in the review).
/// </summary>
public interface IImageModeration
{
    Task<ImageModerationVerdict> ReviewAsync(ImageReview review, CancellationToken cancellationToken);
}
