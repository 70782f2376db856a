namespace EcoBid.Images.Processing;

/// <summary>Limits and outputs of <see cref="ImageProcessor"/>; bound from the <c>Images</c> configuration section.</summary>
public sealed class ImageProcessingOptions
{
    public const string SectionName = "Images";

    /// <summary>Largest width × height accepted, checked from the header before any pixel is decoded.</summary>
    public long MaxPixels { get; set; } = 40_000_000;

    /// <summary>Largest long edge / short edge ratio accepted (20 means 1:20).</summary>
    public double MaxAspectRatio { get; set; } = 20;

    /// <summary>Largest upload in bytes; reading stops one byte past it.</summary>
    public long MaxBytes { get; set; } = 25 * 1024 * 1024;

    /// <summary>How many images are read and processed at once; libvips itself runs one thread per image.</summary>
    public int MaxConcurrency { get; set; } = 1;

    /// <summary>JPEG quality of the fallback renditions (1–100).</summary>
    public int JpegQuality { get; set; } = 82;

    /// <summary>WebP quality of the main renditions (1–100).</summary>
    public int WebpQuality { get; set; } = 80;

    /// <summary>The renditions made of every accepted image, each as WebP and as JPEG.</summary>
    public IReadOnlyList<RenditionSpec> Renditions { get; set; } = RenditionSpec.Defaults;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxPixels, 1, nameof(MaxPixels));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxAspectRatio, 1, nameof(MaxAspectRatio));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBytes, 1, nameof(MaxBytes));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxBytes, Array.MaxLength, nameof(MaxBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxConcurrency, 1, nameof(MaxConcurrency));
        ArgumentOutOfRangeException.ThrowIfLessThan(JpegQuality, 1, nameof(JpegQuality));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(JpegQuality, 100, nameof(JpegQuality));
        ArgumentOutOfRangeException.ThrowIfLessThan(WebpQuality, 1, nameof(WebpQuality));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(WebpQuality, 100, nameof(WebpQuality));
        if (Renditions.Count == 0)
            throw new ArgumentException("At least one rendition is needed.", nameof(Renditions));
        if (Renditions.Any(r => r.Size < 1 || string.IsNullOrWhiteSpace(r.Name)))
            throw new ArgumentException("Every rendition needs a name and a positive size.", nameof(Renditions));
        if (Renditions.Select(r => r.Name).Distinct(StringComparer.Ordinal).Count() != Renditions.Count)
            throw new ArgumentException("Rendition names must be unique.", nameof(Renditions));
    }
}
