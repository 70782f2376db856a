using System.Text;
using EcoBid.Images.Formats;

namespace EcoBid.Images.Tests.Formats;

public class ImageSnifferTests
{
    public static TheoryData<string, string, string?> Heads => new()
    {
        { "JPEG", "FFD8FFE000104A464946", "JPEG" },
        { "PNG", "89504E470D0A1A0A0000000D49484452", "PNG" },
        { "WebP", Hex("RIFF") + "24000000" + Hex("WEBPVP8 "), "WebP" },
        { "RIFF that is a WAVE", Hex("RIFF") + "24000000" + Hex("WAVEfmt "), null },
        { "AVIF", "0000001C" + Hex("ftypavif") + "00000000" + Hex("avifmif1miaf"), "AVIF" },
        { "AVIF sequence", "00000018" + Hex("ftypavis") + "00000000" + Hex("avismsf1"), "AVIF" },
        { "AVIF named by a compatible brand", "00000018" + Hex("ftypmif1") + "00000000" + Hex("mif1avif"), "AVIF" },
        { "HEIC", "00000018" + Hex("ftypheic") + "00000000" + Hex("mif1heic"), "HEIC" },
        { "HEIF with only mif1", "00000014" + Hex("ftypmif1") + "00000000" + Hex("mif1"), "HEIC" },
        { "MP4 video", "00000018" + Hex("ftypisom") + "00000200" + Hex("isomiso2"), null },
        { "brand past the box size is not read", "00000010" + Hex("ftypisom") + "00000000" + Hex("avif"), null },
        { "GIF87a", Hex("GIF87a") + "0A000A00", "GIF" },
        { "GIF89a", Hex("GIF89a") + "0A000A00", "GIF" },
        { "TIFF little-endian", "49492A0008000000", "TIFF" },
        { "TIFF big-endian", "4D4D002A00000008", "TIFF" },
        { "BMP", "424D3A0000000000000036000000", "BMP" },
        { "PDF", Hex("%PDF-1.7\n"), "PDF" },
        { "ZIP", "504B0304140000000800", "ZIP" },
        { "empty ZIP", "504B0506000000000000", "ZIP" },
        { "SVG", Hex("<svg xmlns=\"http://www.w3.org/2000/svg\"/>"), "SVG" },
        { "SVG after an XML declaration", Hex("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>"), "SVG" },
        { "SVG doctype", Hex("<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\">"), "SVG" },
        { "SVG after a BOM and blank lines", "EFBBBF" + Hex("\r\n  <SVG width=\"1\"/>"), "SVG" },
        { "XML", Hex("<?xml version=\"1.0\"?><note/>"), "XML" },
        { "HTML doctype", Hex("<!DOCTYPE html><html><body>hi</body></html>"), "HTML" },
        { "HTML fragment with a script", Hex("<p>hi</p><script>alert(1)</script>"), "HTML" },
        { "HTML with inline SVG is HTML", Hex("<html><svg/></html>"), "HTML" },
        { "plain text", Hex("hello world"), null },
        { "empty", "", null },
        { "two bytes of JPEG", "FFD8", null },
    };

    [Theory]
    [MemberData(nameof(Heads))]
    public void Identify_names_the_format_from_the_first_bytes(string because, string headHex, string? expected)
    {
        var format = ImageSniffer.Identify(Convert.FromHexString(headHex));

        (format?.Name).ShouldBe(expected, because);
    }

    [Theory]
    [InlineData("image/jpeg", "JPEG")]
    [InlineData("IMAGE/JPEG; charset=binary", "JPEG")]
    [InlineData("image/jpg", "JPEG")]
    [InlineData("image/pjpeg", "JPEG")]
    [InlineData(" image/png ", "PNG")]
    [InlineData("image/webp", "WebP")]
    [InlineData("image/avif", "AVIF")]
    [InlineData("image/heif", "HEIC")]
    [InlineData("image/svg+xml", "SVG")]
    [InlineData("application/octet-stream", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void FromContentType_knows_canonical_types_and_aliases(string? contentType, string? expected) =>
        (ImageFormat.FromContentType(contentType)?.Name).ShouldBe(expected);

    [Fact]
    public void Only_JPEG_PNG_WebP_and_AVIF_are_accepted() =>
        ImageFormat.All.Where(f => f.IsAccepted).Select(f => f.Name).ShouldBe(["JPEG", "PNG", "WebP", "AVIF"]);

    private static string Hex(string ascii) => Convert.ToHexString(Encoding.ASCII.GetBytes(ascii));
}
