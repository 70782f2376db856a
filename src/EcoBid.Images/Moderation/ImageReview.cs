using EcoBid.Images.Formats;
using EcoBid.Images.Hashing;
using EcoBid.Images.Processing;

namespace EcoBid.Images.Moderation;

/// <summary>
/// The facts moderation decides on: the upright dimensions and upload size of the image, its perceptual hash, and
/// the hashes of the seller's other images (supplied by the host, without this image itself).
/// </summary>
public sealed record ImageReview(int Width, int Height, long Bytes, PerceptualHash Hash, IReadOnlyList<SellerImage> SellerImages)
{
    /// <summary>A metadata-free JPEG rendition, for moderators that look at pixels; null when the host gives none.</summary>
    public ImageRendition? Preview { get; init; }

    /// <summary>The review of a processed image, with its largest JPEG rendition as the preview.</summary>
    public static ImageReview Of(ProcessedImage image, IReadOnlyList<SellerImage> sellerImages)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(sellerImages);
        return new ImageReview(image.Width, image.Height, image.SourceBytes, image.Hash, sellerImages)
        {
            Preview = image.Renditions.Where(r => r.Format == ImageFormat.Jpeg).MaxBy(r => (long)r.Width * r.Height),
        };
    }
}
