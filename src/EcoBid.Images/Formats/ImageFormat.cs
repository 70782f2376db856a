namespace EcoBid.Images.Formats;

/// <summary>
/// A file format recognised by its magic bytes (<see cref="ImageSniffer"/>). Only some are processed
/// (<see cref="AcceptedFormats"/>); the others are recognised so that a refusal can say what the file is.
/// Instances are singletons: compare them by reference.
/// </summary>
public sealed class ImageFormat
{
    public static readonly ImageFormat Jpeg = new("JPEG", "image/jpeg", "jpg");
    public static readonly ImageFormat Png = new("PNG", "image/png", "png");
    public static readonly ImageFormat WebP = new("WebP", "image/webp", "webp");
    public static readonly ImageFormat Avif = new("AVIF", "image/avif", "avif");
    public static readonly ImageFormat Heic = new("HEIC", "image/heic", "heic");
    public static readonly ImageFormat Gif = new("GIF", "image/gif", "gif");
    public static readonly ImageFormat Tiff = new("TIFF", "image/tiff", "tif");
    public static readonly ImageFormat Bmp = new("BMP", "image/bmp", "bmp");
    public static readonly ImageFormat Svg = new("SVG", "image/svg+xml", "svg");
    public static readonly ImageFormat Xml = new("XML", "application/xml", "xml");
    public static readonly ImageFormat Html = new("HTML", "text/html", "html");
    public static readonly ImageFormat Pdf = new("PDF", "application/pdf", "pdf");
    public static readonly ImageFormat Zip = new("ZIP", "application/zip", "zip");

    /// <summary>
    /// The formats <see cref="Processing.ImageProcessor"/> turns into renditions. HEIC is not among them: the bundled
    /// libvips reads AVIF through libheif but has no HEVC decoder.
    /// </summary>
    public static IReadOnlyList<ImageFormat> AcceptedFormats { get; } = [Jpeg, Png, WebP, Avif];

    /// <summary>Every format the sniffer can name.</summary>
    public static IReadOnlyList<ImageFormat> All { get; } = [Jpeg, Png, WebP, Avif, Heic, Gif, Tiff, Bmp, Svg, Xml, Html, Pdf, Zip];

    private static readonly Dictionary<string, ImageFormat> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["image/jpg"] = Jpeg,
        ["image/pjpeg"] = Jpeg,
        ["image/x-png"] = Png,
        ["image/heif"] = Heic,
        ["image/x-ms-bmp"] = Bmp,
        ["text/xml"] = Xml,
        ["application/x-zip-compressed"] = Zip,
    };

    private ImageFormat(string name, string mimeType, string extension)
    {
        Name = name;
        MimeType = mimeType;
        Extension = extension;
    }

    /// <summary>A display name such as <c>JPEG</c>.</summary>
    public string Name { get; }

    /// <summary>The canonical MIME type, such as <c>image/jpeg</c>.</summary>
    public string MimeType { get; }

    /// <summary>The usual file extension without the dot, such as <c>jpg</c>.</summary>
    public string Extension { get; }

    /// <summary>Whether <see cref="Processing.ImageProcessor"/> processes this format.</summary>
    public bool IsAccepted => AcceptedFormats.Contains(this);

    /// <summary>
    /// The format a declared content type names, ignoring case and parameters (<c>image/JPEG; q=1</c> is JPEG) and
    /// knowing common aliases (<c>image/jpg</c>); null for anything else, including an empty value.
    /// </summary>
    public static ImageFormat? FromContentType(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
            return null;
        var bare = contentType.Split(';', 2)[0].Trim();
        foreach (var format in All)
        {
            if (string.Equals(format.MimeType, bare, StringComparison.OrdinalIgnoreCase))
                return format;
        }
        return Aliases.GetValueOrDefault(bare);
    }

    public override string ToString() => Name;
}
