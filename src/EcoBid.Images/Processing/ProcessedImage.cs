using EcoBid.Images.Formats;
using EcoBid.Images.Hashing;

namespace EcoBid.Images.Processing;

/// <summary>
/// An accepted image. <see cref="Width"/> and <see cref="Height"/> are the original's, upright (after EXIF
/// orientation); <see cref="Placeholder"/> is a BlurHash string; <see cref="Hash"/> a perceptual hash for spotting
/// near-duplicates. Each rendition exists as WebP and as JPEG.
/// </summary>
public sealed record ProcessedImage(
    ImageFormat SourceFormat,
    long SourceBytes,
    int Width,
    int Height,
    string Placeholder,
    PerceptualHash Hash,
    IReadOnlyList<ImageRendition> Renditions)
{
    /// <summary>The rendition of that name in that format (WebP or JPEG).</summary>
    /// <exception cref="KeyNotFoundException">No such rendition was made.</exception>
    public ImageRendition Rendition(string name, ImageFormat format) =>
        Renditions.FirstOrDefault(r => r.Name == name && r.Format == format)
        ?? throw new KeyNotFoundException($"No {format} rendition named '{name}'.");
}
