namespace EcoBid.Server.Images;

/// <summary>
/// Configuration section <c>Images</c>: the host's part (limits per item, upload URLs, lifecycle). The same section
/// also binds the processing and moderation options of EcoBid.Images (sizes, pixels, concurrency; see docs/images.md).
/// </summary>
public sealed class ImagesOptions
{
    public const string Section = "Images";

    /// <summary>Photos an item may have (refused ones and expired upload URLs do not count).</summary>
    public int MaxImagesPerItem { get; set; } = 10;

    /// <summary>How long a signed upload URL works.</summary>
    public TimeSpan UploadUrlLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Days a photo outlives the end of its item's listing (picked up, expired, withdrawn, auction ended).</summary>
    public int RetentionDays { get; set; } = 90;

    /// <summary>How long an original is kept once processed (a redelivery or a replay can process it again meanwhile).</summary>
    public TimeSpan OriginalGracePeriod { get; set; } = TimeSpan.FromDays(1);

    /// <summary>An upload URL whose bytes never came is forgotten this long after it was issued.</summary>
    public TimeSpan AbandonedUploadAfter { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Where the local-folder blob store keeps its files; default <c>blobs</c> in the data directory.</summary>
    public string? BlobPath { get; set; }
}
