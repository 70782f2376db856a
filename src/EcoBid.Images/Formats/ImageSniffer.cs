using System.Buffers.Binary;
using System.Text;

namespace EcoBid.Images.Formats;

/// <summary>
/// Names a file's format from its first bytes, never from its name or declared type. Formats whose magic is text
/// (SVG, XML, HTML) are told apart by looking for their telltale tags in the head.
/// </summary>
public static class ImageSniffer
{
    /// <summary>How many leading bytes <see cref="Identify"/> needs to see for every format it knows.</summary>
    public const int HeadLength = 512;

    private static readonly string[] HtmlTags = ["<!doctype html", "<html", "<head", "<body", "<script", "<iframe"];

    /// <summary>
    /// The format of a file starting with <paramref name="head"/> (pass at least <see cref="HeadLength"/> bytes when
    /// the file has them), or null when the bytes match no format known here.
    /// </summary>
    public static ImageFormat? Identify(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
            return ImageFormat.Jpeg;
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
            return ImageFormat.Png;
        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
            return ImageFormat.WebP;
        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8))
            return IdentifyIsoMedia(head);
        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
            return ImageFormat.Gif;
        if (head.StartsWith("II*\0"u8) || head.StartsWith("MM\0*"u8))
            return ImageFormat.Tiff;
        if (head.Length >= 10 && head.StartsWith("BM"u8) && BinaryPrimitives.ReadUInt32LittleEndian(head[6..10]) == 0)
            return ImageFormat.Bmp;
        if (head.StartsWith("%PDF-"u8))
            return ImageFormat.Pdf;
        if (head.StartsWith("PK\x03\x04"u8) || head.StartsWith("PK\x05\x06"u8) || head.StartsWith("PK\x07\x08"u8))
            return ImageFormat.Zip;
        return IdentifyMarkup(head);
    }

    // HEIF files (AVIF, HEIC) open with an ISO base media 'ftyp' box: a major brand, then compatible brands.
    private static ImageFormat? IdentifyIsoMedia(ReadOnlySpan<byte> head)
    {
        var boxSize = BinaryPrimitives.ReadUInt32BigEndian(head);
        var end = (int)Math.Clamp(boxSize, 12u, (uint)head.Length);
        var isHeif = false;
        for (var offset = 8; offset + 4 <= end; offset += offset == 8 ? 8 : 4)
        {
            var brand = head.Slice(offset, 4);
            if (brand.SequenceEqual("avif"u8) || brand.SequenceEqual("avis"u8))
                return ImageFormat.Avif;
            isHeif |= IsHeifBrand(brand);
        }
        return isHeif ? ImageFormat.Heic : null;
    }

    private static bool IsHeifBrand(ReadOnlySpan<byte> brand) =>
        brand.SequenceEqual("heic"u8) || brand.SequenceEqual("heix"u8) || brand.SequenceEqual("heim"u8)
        || brand.SequenceEqual("heis"u8) || brand.SequenceEqual("hevc"u8) || brand.SequenceEqual("hevx"u8)
        || brand.SequenceEqual("mif1"u8) || brand.SequenceEqual("msf1"u8);

    private static ImageFormat? IdentifyMarkup(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            head = head[3..];
        var start = 0;
        while (start < head.Length && head[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            start++;
        if (start == head.Length || head[start] != (byte)'<')
            return null;

        var text = Encoding.ASCII.GetString(head[start..]).ToLowerInvariant();
        if (text.StartsWith("<!doctype html", StringComparison.Ordinal) || text.StartsWith("<html", StringComparison.Ordinal))
            return ImageFormat.Html;
        if (text.Contains("<svg", StringComparison.Ordinal) || text.StartsWith("<!doctype svg", StringComparison.Ordinal))
            return ImageFormat.Svg;
        if (HtmlTags.Any(tag => text.Contains(tag, StringComparison.Ordinal)))
            return ImageFormat.Html;
        return text.StartsWith("<?xml", StringComparison.Ordinal) ? ImageFormat.Xml : null;
    }
}
