using EcoBid.Images.Hashing;
using EcoBid.Images.Processing;

namespace EcoBid.Images.Moderation;

/// <summary>
/// The built-in moderation: rejects images too small to show an item, flags near-duplicates of the seller's other
/// images (the same photo on several listings), approves the rest. Pure and synchronous underneath.
/// </summary>
public sealed class BasicImageModeration : IImageModeration
{
    private readonly int minShortEdge;
    private readonly int duplicateDistance;

    public BasicImageModeration(ImageModerationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.MinShortEdge, nameof(options.MinShortEdge));
        ArgumentOutOfRangeException.ThrowIfNegative(options.DuplicateDistance, nameof(options.DuplicateDistance));
        minShortEdge = options.MinShortEdge;
        duplicateDistance = options.DuplicateDistance;
    }

    public BasicImageModeration()
        : this(new ImageModerationOptions())
    {
    }

    public Task<ImageModerationVerdict> ReviewAsync(ImageReview review, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(review);
        return Task.FromResult(Review(review));
    }

    private ImageModerationVerdict Review(ImageReview review)
    {
        if (Math.Min(review.Width, review.Height) < minShortEdge)
        {
            return ImageModerationVerdict.Reject([new(ImageProblemCodes.TooSmall,
                $"The photo is {review.Width}×{review.Height}; its short edge must be at least {minShortEdge} px.")]);
        }

        var duplicates = review.SellerImages
            .Select(image => (image.ImageId, Distance: PerceptualHash.Distance(image.Hash, review.Hash)))
            .Where(match => match.Distance <= duplicateDistance)
            .OrderBy(match => match.Distance)
            .Select(match => new ImageProblem(ImageProblemCodes.NearDuplicate,
                $"The photo looks like image {match.ImageId} of the same seller (distance {match.Distance} of 64)."))
            .ToList();
        return duplicates.Count > 0 ? ImageModerationVerdict.FlagForReview(duplicates) : ImageModerationVerdict.Approve();
    }
}
