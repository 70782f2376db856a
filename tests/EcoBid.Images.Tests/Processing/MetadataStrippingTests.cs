using System.Text;
using EcoBid.Images.Formats;
using EcoBid.Images.Processing;
using EcoBid.Images.Tests.Fixtures;
using NetVips;

namespace EcoBid.Images.Tests.Processing;

public class MetadataStrippingTests
{
    // What a decoder reports for any image with no metadata at all: geometry, and facts about the file's encoding.
    private static readonly string[] StructuralFields =
    [
        "width", "height", "bands", "format", "coding", "interpretation", "xoffset", "yoffset", "xres", "yres",
        "filename", "vips-loader", "jpeg-multiscan", "jpeg-chroma-subsample", "interlaced",
    ];

    private readonly ImageProcessor processor = new();

    [Fact]
    public async Task No_rendition_carries_EXIF_GPS_XMP_IPTC_or_ICC()
    {
        var original = PhotoWithEverything();
        using (var check = Image.NewFromBuffer(original))
        {
            var fields = check.GetFields();
            fields.ShouldContain("exif-ifd3-GPSLatitude");
            fields.ShouldContain("xmp-data");
            fields.ShouldContain("iptc-data");
            fields.ShouldContain("icc-profile-data");
        }

        var result = await processor.Process(original, "image/jpeg");

        result.Image!.Renditions.Count.ShouldBe(6);
        foreach (var rendition in result.Image.Renditions)
        {
            using var decoded = TestImages.Load(rendition.Content);
            decoded.GetFields().ShouldBeSubsetOf(StructuralFields, rendition.FileName);
        }
    }

    [Fact]
    public async Task No_rendition_contains_the_bytes_of_a_metadata_block()
    {
        var result = await processor.Process(PhotoWithEverything(), "image/jpeg");

        string[] markers = ["Exif\0\0", "52/1", "http://ns.adobe.com/", "Photoshop 3.0", "8BIM", "ICC_PROFILE", "Warsaw", "EXIF", "XMP ", "ICCP"];
        foreach (var rendition in result.Image!.Renditions)
        {
            var text = Encoding.Latin1.GetString(rendition.Content.Span);
            foreach (var marker in markers)
                text.ShouldNotContain(marker, Case.Sensitive, $"{rendition.FileName} contains '{marker}'");
        }
    }

    [Fact]
    public async Task A_WebP_with_EXIF_and_XMP_loses_them_too()
    {
        using var photo = WithMetadata(TestImages.Photo(600, 400));
        var webp = photo.WebpsaveBuffer(keep: Enums.ForeignKeep.All);
        using (var check = Image.NewFromBuffer(webp))
            check.GetFields().ShouldContain("exif-ifd3-GPSLatitude");

        var result = await processor.Process(webp, "image/webp");

        foreach (var rendition in result.Image!.Renditions)
        {
            using var decoded = TestImages.Load(rendition.Content);
            decoded.GetFields().ShouldBeSubsetOf(StructuralFields, rendition.FileName);
        }
    }

    /// <summary>A Display P3 JPEG with GPS coordinates in EXIF and XMP, a city in IPTC, and an orientation.</summary>
    private static byte[] PhotoWithEverything()
    {
        using var photo = TestImages.Photo(1600, 1200);
        using var p3 = photo.IccTransform("p3");
        using var tagged = WithMetadata(p3);
        return tagged.JpegsaveBuffer(keep: Enums.ForeignKeep.All);
    }

    private static Image WithMetadata(Image image) =>
        image.Mutate(m =>
        {
            m.Set(GValue.GIntType, "orientation", 3);
            m.Set(GValue.GStrType, "exif-ifd0-Make", "PhoneMaker");
            m.Set(GValue.GStrType, "exif-ifd3-GPSLatitudeRef", "N");
            m.Set(GValue.GStrType, "exif-ifd3-GPSLatitude", "52/1 13/1 48/1");
            m.Set(GValue.GStrType, "exif-ifd3-GPSLongitudeRef", "E");
            m.Set(GValue.GStrType, "exif-ifd3-GPSLongitude", "21/1 0/1 36/1");
            m.Set(GValue.BlobType, "xmp-data", Encoding.UTF8.GetBytes(
                "<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>" +
                "<rdf:Description xmlns:exif='http://ns.adobe.com/exif/1.0/' exif:GPSLatitude='52,13.8N' exif:GPSLongitude='21,0.6E'/>" +
                "</rdf:RDF></x:xmpmeta>"));
            m.Set(GValue.BlobType, "iptc-data", PhotoshopIptc("Warsaw"));
        });

    // An APP13 payload: a Photoshop resource block (8BIM 0x0404) holding one IPTC dataset, 2:90 City.
    private static byte[] PhotoshopIptc(string city)
    {
        var value = Encoding.ASCII.GetBytes(city);
        byte[] iptc = [0x1C, 0x02, 0x5A, 0x00, (byte)value.Length, .. value];
        var padded = iptc.Length % 2 == 0 ? iptc : [.. iptc, 0];
        return
        [
            .. Encoding.ASCII.GetBytes("Photoshop 3.0\0"), .. Encoding.ASCII.GetBytes("8BIM"), 0x04, 0x04, 0x00, 0x00,
            0x00, 0x00, 0x00, (byte)iptc.Length, .. padded,
        ];
    }
}
