using EcoBid.Images.Formats;

namespace EcoBid.Server.Images;

/// <summary>
/// Where a photo's blobs live and what its renditions are called on the web. Renditions are named by the SHA-256 of
/// their bytes, so a URL always means the same bytes (cacheable forever) and a second run over the same original
/// writes the same names. Originals live under another prefix that no route serves.
/// </summary>
public static class ImageBlobNames
{
    public const string OriginalsPrefix = "originals/";
    public const string RenditionsPrefix = "images/";

    /// <summary>A fresh name for one upload of the photo's bytes (a second, concurrent upload never overwrites it).</summary>
    public static string Original(string imageId) => $"{OriginalsPrefix}{imageId}/{Guid.NewGuid():N}";

    public static string Rendition(string imageId, string sha256, ImageFormat format)
    {
        ArgumentNullException.ThrowIfNull(format);
        return $"{RenditionsPrefix}{imageId}/{sha256}.{format.Extension}";
    }

    /// <summary>The path the rendition is served at: <c>/images/{imageId}/{sha256}.{webp|jpg}</c>.</summary>
    public static string Url(RenditionRecord rendition)
    {
        ArgumentNullException.ThrowIfNull(rendition);
        return $"/images/{rendition.ImageId}/{rendition.Sha256}.{FormatOf(rendition.Format).Extension}";
    }

    /// <summary>The stored format name (<c>webp</c>, <c>jpeg</c>) of a format.</summary>
    public static string FormatName(ImageFormat format)
    {
        ArgumentNullException.ThrowIfNull(format);
        return format.Name.ToLowerInvariant();
    }

    /// <summary>The image id a blob key belongs to (its second segment), or null for a key of neither prefix.</summary>
    public static string? ImageIdOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var parts = key.Split('/');
        return parts.Length >= 3 && (parts[0] + "/") is OriginalsPrefix or RenditionsPrefix ? parts[1] : null;
    }

    /// <summary>Parses a served file name (<c>{64 hex}.webp</c> or <c>.jpg</c>) into its hash and stored format name.</summary>
    public static bool TryParseFile(string file, out string sha256, out string format)
    {
        sha256 = string.Empty;
        format = string.Empty;
        var dot = file?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        if (file is null || dot != 64 || !file[..64].All(char.IsAsciiHexDigitLower))
        {
            return false;
        }

        var extension = file[65..];
        var match = extension == ImageFormat.WebP.Extension ? ImageFormat.WebP : extension == ImageFormat.Jpeg.Extension ? ImageFormat.Jpeg : null;
        if (match is null)
        {
            return false;
        }

        sha256 = file[..64];
        format = FormatName(match);
        return true;
    }

    private static ImageFormat FormatOf(string name) => name == FormatName(ImageFormat.WebP) ? ImageFormat.WebP : ImageFormat.Jpeg;
}
