namespace EcoBid.Images.Moderation;

/// <summary>Thresholds of <see cref="BasicImageModeration"/>; bound from the <c>Images</c> configuration section.</summary>
public sealed class ImageModerationOptions
{
    public const string SectionName = "Images";

    /// <summary>Images whose short edge is below this many pixels are rejected.</summary>
    public int MinShortEdge { get; set; } = 200;

    /// <summary>
    /// Images whose perceptual hash is within this Hamming distance (of 64 bits) of one of the seller's other images
    /// are flagged as near-duplicates. 0 flags only identical hashes.
    /// </summary>
    public int DuplicateDistance { get; set; } = 6;
}
