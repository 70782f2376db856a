namespace EcoBid.Server.Images;

/// <summary>A row of <c>item_image_renditions</c>: one size of a photo in one format, stored under its content hash.</summary>
public sealed record RenditionRecord
{
    public required string ImageId { get; init; }

    /// <summary><c>thumb</c>, <c>medium</c> or <c>large</c>.</summary>
    public required string Name { get; init; }

    /// <summary><c>webp</c> or <c>jpeg</c>.</summary>
    public required string Format { get; init; }
    public required string Sha256 { get; init; }
    public required string BlobKey { get; init; }
    public required string ContentType { get; init; }
    public int Width { get; init; }
    public int Height { get; init; }
    public long Bytes { get; init; }
}
