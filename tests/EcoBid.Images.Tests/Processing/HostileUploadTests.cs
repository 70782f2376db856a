using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using EcoBid.Images.Processing;
using EcoBid.Images.Tests.Fixtures;
using NetVips;

namespace EcoBid.Images.Tests.Processing;

public class HostileUploadTests
{
    private readonly ImageProcessor processor = new();

    [Fact]
    public async Task A_truncated_JPEG_is_corrupt()
    {
        var jpeg = TestImages.Jpeg(800, 600);

        var result = await processor.Process(jpeg[..(jpeg.Length / 2)], "image/jpeg");

        result.Codes().ShouldBe([ImageProblemCodes.Corrupt]);
        result.Problems[0].Message.ShouldContain("JPEG");
    }

    [Fact]
    public async Task A_PNG_claiming_20000_by_20000_is_refused_from_its_header_without_decoding()
    {
        var bomb = HandmadePng.Claiming(20_000, 20_000);
        bomb.Length.ShouldBeLessThan(200);
        var clock = Stopwatch.StartNew();

        var result = await processor.Process(bomb, "image/png");

        // Corrupt would mean the body was decoded (and found missing); too_many_pixels comes from the header alone.
        result.Codes().ShouldBe([ImageProblemCodes.TooManyPixels]);
        result.Problems[0].Message.ShouldContain("20000×20000");
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task A_JPEG_whose_frame_header_claims_60000_by_60000_is_refused_from_its_header()
    {
        var bomb = JpegSurgery.ClaimingSize(TestImages.Jpeg(64, 64), 60_000, 60_000);

        var result = await processor.Process(bomb, "image/jpeg");

        result.Codes().ShouldBe([ImageProblemCodes.TooManyPixels]);
    }

    [Fact]
    public async Task A_polyglot_with_JPEG_magic_and_an_HTML_body_is_corrupt()
    {
        byte[] polyglot = [0xFF, 0xD8, 0xFF, 0xE0, .. Encoding.ASCII.GetBytes("<html><body><script>alert(document.cookie)</script></body></html>")];

        var result = await processor.Process(polyglot, "image/jpeg");

        result.Codes().ShouldBe([ImageProblemCodes.Corrupt]);
    }

    [Fact]
    public async Task A_valid_JPEG_with_HTML_after_its_end_is_re_encoded_without_it()
    {
        byte[] polyglot = [.. TestImages.Jpeg(640, 480), .. Encoding.ASCII.GetBytes("<html><script>alert(document.cookie)</script></html>")];

        var result = await processor.Process(polyglot, "image/jpeg");

        result.IsAccepted.ShouldBeTrue();
        foreach (var rendition in result.Image.Renditions)
            Encoding.Latin1.GetString(rendition.Content.Span).ShouldNotContain("<script");
    }

    [Theory]
    [InlineData("image/svg+xml", new[] { ImageProblemCodes.UnsupportedType })]
    [InlineData("image/png", new[] { ImageProblemCodes.UnsupportedType, ImageProblemCodes.TypeMismatch })]
    public async Task An_SVG_is_refused(string declared, string[] codes)
    {
        var svg = Encoding.UTF8.GetBytes("""
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" width="100" height="100" onload="alert(1)">
              <image href="file:///etc/passwd" width="100" height="100"/>
            </svg>
            """);

        var result = await processor.Process(svg, declared);

        result.Codes().ShouldBe(codes);
        result.Problems[0].Message.ShouldContain("SVG");
    }

    [Fact]
    public async Task A_zip_renamed_jpg_is_refused_as_what_it_is()
    {
        using var zipBytes = new MemoryStream();
        using (var zip = new ZipArchive(zipBytes, ZipArchiveMode.Create, leaveOpen: true))
        {
            await using var entry = zip.CreateEntry("photo.jpg").Open();
            await entry.WriteAsync(TestImages.Jpeg(64, 64));
        }

        var result = await processor.Process(zipBytes.ToArray(), "image/jpeg");

        result.Codes().ShouldBe([ImageProblemCodes.UnsupportedType, ImageProblemCodes.TypeMismatch]);
        result.Problems[0].Message.ShouldContain("ZIP");
        result.Problems[1].Message.ShouldContain("'image/jpeg'");
    }

    [Theory]
    [InlineData("image/jpeg")]
    [InlineData("image/webp")]
    [InlineData("application/octet-stream")]
    [InlineData("")]
    public async Task A_PNG_declared_as_anything_else_is_a_type_mismatch(string declared)
    {
        using var photo = TestImages.Photo(300, 200);

        var result = await processor.Process(photo.PngsaveBuffer(), declared);

        result.Codes().ShouldBe([ImageProblemCodes.TypeMismatch]);
        result.Problems[0].Message.ShouldContain("PNG");
    }

    [Fact]
    public async Task A_JPEG_declared_with_an_alias_and_parameters_is_not_a_mismatch()
    {
        var result = await processor.Process(TestImages.Jpeg(300, 200), "Image/JPG; name=x.jpg");

        result.IsAccepted.ShouldBeTrue();
    }

    [Fact]
    public async Task An_empty_upload_is_empty()
    {
        var result = await processor.Process([], "image/jpeg");

        result.Codes().ShouldBe([ImageProblemCodes.Empty]);
    }

    [Fact]
    public async Task An_animated_GIF_is_refused()
    {
        using var animation = TestImages.Animation(120, 90, frames: 3);
        var gif = animation.GifsaveBuffer();

        var result = await processor.Process(gif, "image/gif");

        result.Codes().ShouldBe([ImageProblemCodes.UnsupportedType]);
        result.Problems[0].Message.ShouldContain("GIF");
    }

    [Fact]
    public async Task An_animated_WebP_is_refused_as_animated()
    {
        using var animation = TestImages.Animation(240, 240, frames: 3);
        var webp = animation.WebpsaveBuffer();

        var result = await processor.Process(webp, "image/webp");

        result.Codes().ShouldBe([ImageProblemCodes.Animated]);
        result.Problems[0].Message.ShouldContain("3 frames");
    }

    [Theory]
    [InlineData(1, 5000)]
    [InlineData(5000, 1)]
    [InlineData(2100, 100)]
    public async Task An_absurd_aspect_ratio_is_refused(int width, int height)
    {
        using var strip = TestImages.Flat(width, height, 90, 90, 90);

        var result = await processor.Process(strip.PngsaveBuffer(), "image/png");

        result.Codes().ShouldBe([ImageProblemCodes.BadAspectRatio]);
    }

    [Fact]
    public async Task A_HEIC_photo_is_recognised_and_refused()
    {
        // An AVIF whose brands are rewritten to HEIC's: what the sniffer sees in an iPhone photo's first bytes.
        using var photo = TestImages.Photo(64, 64);
        var heic = photo.HeifsaveBuffer(compression: Enums.ForeignHeifCompression.Av1, effort: 0);
        Encoding.ASCII.GetBytes("heic").CopyTo(heic, 8);
        for (var offset = 16; offset + 4 <= heic[3]; offset += 4)
            Encoding.ASCII.GetBytes("mif1").CopyTo(heic, offset);

        var result = await processor.Process(heic, "image/heic");

        result.Codes().ShouldBe([ImageProblemCodes.UnsupportedType]);
        result.Problems[0].Message.ShouldContain("HEIC");
    }

    [Theory]
    [InlineData("PDF", "%PDF-1.4\n1 0 obj << >> endobj\n")]
    [InlineData("HTML", "<!DOCTYPE html><html><script>alert(1)</script></html>")]
    [InlineData("XML", "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>")]
    [InlineData("not in any known format", "just some text")]
    public async Task Other_files_are_refused_and_named(string named, string content)
    {
        var result = await processor.Process(Encoding.ASCII.GetBytes(content), "image/jpeg");

        result.Codes().ShouldBe([ImageProblemCodes.UnsupportedType, ImageProblemCodes.TypeMismatch]);
        result.Problems[1].Message.ShouldContain(named);
    }

    [Fact]
    public async Task An_upload_over_MaxBytes_is_too_large_and_not_read_to_its_end()
    {
        using var small = new ImageProcessor(new ImageProcessingOptions { MaxBytes = 10_000 });
        var jpeg = TestImages.Jpeg(800, 600);
        jpeg.Length.ShouldBeGreaterThan(50_000);

        var seekable = await small.Process(jpeg, "image/jpeg");
        var network = new OneWayStream(jpeg);
        var streamed = await small.ProcessAsync(network, "image/jpeg");

        seekable.Codes().ShouldBe([ImageProblemCodes.TooLarge]);
        streamed.Codes().ShouldBe([ImageProblemCodes.TooLarge]);
        network.BytesRead.ShouldBeLessThan(20_000);
    }

    [Fact]
    public async Task An_upload_read_from_a_stream_that_cannot_seek_is_processed()
    {
        var result = await processor.ProcessAsync(new OneWayStream(TestImages.Jpeg(800, 600)), "image/jpeg");

        result.IsAccepted.ShouldBeTrue();
    }

    public static TheoryData<string> Formats => ["jpeg", "png", "webp"];

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Damaged_files_of_every_kind_give_a_result_and_never_an_exception(string kind)
    {
        using var photo = TestImages.Photo(320, 240, seed: 5);
        var (bytes, type) = kind switch
        {
            "jpeg" => (photo.JpegsaveBuffer(), "image/jpeg"),
            "png" => (photo.PngsaveBuffer(), "image/png"),
            _ => (photo.WebpsaveBuffer(), "image/webp"),
        };
        var random = new Random(42);

        for (var i = 0; i < 40; i++)
        {
            var damaged = (byte[])bytes.Clone();
            if (i % 2 == 0)
            {
                damaged = damaged[..random.Next(1, damaged.Length)];
            }
            else
            {
                for (var flip = 0; flip < 1 + i; flip++)
                    damaged[random.Next(damaged.Length)] = (byte)random.Next(256);
            }

            var result = await processor.Process(damaged, type);

            (result.IsAccepted || result.Problems.Count > 0).ShouldBeTrue();
        }
    }
}
