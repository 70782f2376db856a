using System.Runtime.InteropServices;
using EcoBid.Images.Formats;

namespace EcoBid.Images.Processing;

/// <summary>
/// One encoded rendition, free of metadata. <see cref="Sha256"/> (lowercase hex of the content) suits immutable,
/// cache-forever URLs.
/// </summary>
public sealed record ImageRendition(string Name, ImageFormat Format, int Width, int Height, ReadOnlyMemory<byte> Content, string Sha256)
{
    public string ContentType => Format.MimeType;

    public long Bytes => Content.Length;

    /// <summary>A name such as <c>thumb.webp</c>.</summary>
    public string FileName => $"{Name}.{Format.Extension}";

    /// <summary>A read-only stream over <see cref="Content"/>, for handing to a blob store.</summary>
    public Stream OpenRead() =>
        MemoryMarshal.TryGetArray(Content, out var segment) && segment.Array is not null
            ? new MemoryStream(segment.Array, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(Content.ToArray(), writable: false);
}
