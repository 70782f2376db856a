using System.Security.Cryptography;
using EcoBid.Images.Formats;
using EcoBid.Images.Processing;
using EcoBid.Images.Tests.Fixtures;
using NetVips;

namespace EcoBid.Images.Tests.Processing;

public class ImageProcessorTests
{
    private readonly ImageProcessor processor = new();

    [Fact]
    public async Task A_photo_becomes_three_renditions_in_WebP_and_JPEG()
    {
        var jpeg = TestImages.Jpeg(1600, 1200);

        var result = await processor.Process(jpeg, "image/jpeg");

        result.Problems.ShouldBeEmpty();
        result.IsAccepted.ShouldBeTrue();
        var image = result.Image;
        (image.Width, image.Height, image.SourceFormat, image.SourceBytes).ShouldBe((1600, 1200, ImageFormat.Jpeg, jpeg.LongLength));
        image.Renditions.Select(r => (r.Name, r.Format.Name, r.Width, r.Height)).ShouldBe(
        [
            ("thumb", "WebP", 160, 160), ("thumb", "JPEG", 160, 160),
            ("medium", "WebP", 480, 360), ("medium", "JPEG", 480, 360),
            ("large", "WebP", 1280, 960), ("large", "JPEG", 1280, 960),
        ]);
    }

    [Fact]
    public async Task Each_rendition_is_what_it_says_it_is()
    {
        var result = await processor.Process(TestImages.Jpeg(1600, 1200), "image/jpeg");

        foreach (var rendition in result.Image!.Renditions)
        {
            using var decoded = TestImages.Load(rendition.Content);
            decoded.Get("vips-loader").ShouldBe(rendition.Format == ImageFormat.WebP ? "webpload_buffer" : "jpegload_buffer");
            (decoded.Width, decoded.Height).ShouldBe((rendition.Width, rendition.Height), rendition.FileName);
            rendition.ContentType.ShouldBe(rendition.Format.MimeType);
            rendition.Bytes.ShouldBe(rendition.Content.Length);
            rendition.Sha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(rendition.Content.Span)));
            using var stream = rendition.OpenRead();
            stream.Length.ShouldBe(rendition.Bytes);
        }
        result.Image.Renditions.Select(r => r.Sha256).Distinct().Count().ShouldBe(6);
        result.Image.Renditions.Select(r => r.FileName).ShouldBe(
            ["thumb.webp", "thumb.jpg", "medium.webp", "medium.jpg", "large.webp", "large.jpg"]);
    }

    [Theory]
    [InlineData(300, 200, 160, 160, 300, 200, 300, 200)]
    [InlineData(200, 300, 160, 160, 200, 300, 200, 300)]
    [InlineData(1000, 700, 160, 160, 480, 336, 1000, 700)]
    [InlineData(120, 100, 100, 100, 120, 100, 120, 100)]
    public async Task Small_photos_are_never_upscaled(
        int width, int height, int thumbW, int thumbH, int mediumW, int mediumH, int largeW, int largeH)
    {
        var result = await processor.Process(TestImages.Jpeg(width, height), "image/jpeg");

        var image = result.Image!;
        Size(image, "thumb").ShouldBe((thumbW, thumbH));
        Size(image, "medium").ShouldBe((mediumW, mediumH));
        Size(image, "large").ShouldBe((largeW, largeH));
    }

    [Fact]
    public async Task A_panorama_still_gets_a_full_size_square_thumbnail()
    {
        // 16:1 is within the 20:1 limit; the large rendition is only 80 px high, too small to cut the thumb from.
        var result = await processor.Process(TestImages.Jpeg(4000, 250), "image/jpeg");

        Size(result.Image!, "large").ShouldBe((1280, 80));
        Size(result.Image!, "thumb").ShouldBe((160, 160));
    }

    [Fact]
    public async Task A_PNG_keeps_its_transparency_in_WebP_and_gets_a_white_background_in_JPEG()
    {
        using var photo = TestImages.Flat(600, 400, 200, 40, 40);
        using var alpha = Image.Black(600, 400).Insert(Image.Black(300, 400) + 255, 300, 0);
        using var rgba = photo.Bandjoin(alpha.Cast(Enums.BandFormat.Uchar));
        var png = rgba.PngsaveBuffer();

        var result = await processor.Process(png, "image/png");

        var webp = result.Image!.Rendition("large", ImageFormat.WebP);
        using var webpPixels = TestImages.Load(webp.Content);
        webpPixels.Bands.ShouldBe(4);
        TestImages.Mean(webpPixels, 0, 0, 250, 400)[3].ShouldBe(0, tolerance: 1);
        TestImages.Mean(webpPixels, 350, 0, 250, 400)[3].ShouldBe(255, tolerance: 1);

        var jpeg = result.Image.Rendition("large", ImageFormat.Jpeg);
        using var jpegPixels = TestImages.Load(jpeg.Content);
        jpegPixels.Bands.ShouldBe(3);
        TestImages.Mean(jpegPixels, 0, 0, 250, 400).ShouldAllBe(v => v > 250);
        TestImages.Mean(jpegPixels, 350, 0, 250, 400)[0].ShouldBe(200, tolerance: 4);
    }

    [Fact]
    public async Task A_WebP_is_accepted()
    {
        using var photo = TestImages.Photo(800, 600);

        var result = await processor.Process(photo.WebpsaveBuffer(q: 85), "image/webp");

        result.Image!.SourceFormat.ShouldBe(ImageFormat.WebP);
        Size(result.Image, "medium").ShouldBe((480, 360));
    }

    [Fact]
    public async Task An_AVIF_is_accepted()
    {
        using var photo = TestImages.Photo(640, 480);

        var result = await processor.Process(photo.HeifsaveBuffer(q: 60, compression: Enums.ForeignHeifCompression.Av1, effort: 0), "image/avif");

        result.Problems.ShouldBeEmpty();
        result.Image!.SourceFormat.ShouldBe(ImageFormat.Avif);
        Size(result.Image, "large").ShouldBe((640, 480));
    }

    [Fact]
    public async Task EXIF_orientation_6_is_turned_upright()
    {
        // Stored 400×300 with the top-left quarter red; orientation 6 means "turn 90° clockwise to display", which
        // puts that quarter top right of a 300×400 picture.
        using var blue = TestImages.Flat(400, 300, 20, 40, 220);
        using var red = TestImages.Flat(200, 150, 230, 20, 20);
        using var marked = blue.Insert(red, 0, 0);
        using var tagged = marked.Mutate(image => image.Set(GValue.GIntType, "orientation", 6));

        var result = await processor.Process(tagged.JpegsaveBuffer(keep: Enums.ForeignKeep.All), "image/jpeg");

        (result.Image!.Width, result.Image.Height).ShouldBe((300, 400));
        var large = result.Image.Rendition("large", ImageFormat.Jpeg);
        (large.Width, large.Height).ShouldBe((300, 400));
        using var pixels = TestImages.Load(large.Content);
        TestImages.Mean(pixels, 180, 20, 100, 160)[0].ShouldBeGreaterThan(200);
        TestImages.Mean(pixels, 20, 20, 100, 160)[0].ShouldBeLessThan(50);
        TestImages.Mean(pixels, 180, 240, 100, 140)[0].ShouldBeLessThan(50);
    }

    public static TheoryData<string, Func<byte[]>> OtherColourSpaces => new()
    {
        { "greyscale JPEG", () => { using var p = TestImages.Photo(500, 400); using var g = p.Colourspace(Enums.Interpretation.Bw); return g.JpegsaveBuffer(); } },
        { "CMYK JPEG", () => { using var p = TestImages.Photo(500, 400); using var c = p.Colourspace(Enums.Interpretation.Cmyk); return c.JpegsaveBuffer(); } },
        { "16-bit PNG", () => { using var p = TestImages.Photo(500, 400); using var w = p.Colourspace(Enums.Interpretation.Rgb16); return w.PngsaveBuffer(bitdepth: 16); } },
        { "greyscale PNG with alpha", () => { using var p = TestImages.Photo(500, 400); using var g = p.Colourspace(Enums.Interpretation.Bw); using var a = g.Bandjoin(255); return a.PngsaveBuffer(); } },
        { "palette PNG", () => { using var p = TestImages.Photo(500, 400); return p.PngsaveBuffer(palette: true); } },
    };

    [Theory]
    [MemberData(nameof(OtherColourSpaces))]
    public async Task Every_rendition_is_8_bit_sRGB_whatever_the_source(string source, Func<byte[]> make)
    {
        var bytes = make();
        var format = ImageSniffer.Identify(bytes)!;

        var result = await processor.Process(bytes, format.MimeType);

        result.Problems.ShouldBeEmpty(source);
        foreach (var rendition in result.Image!.Renditions.Where(r => r.Format == ImageFormat.Jpeg))
        {
            using var decoded = TestImages.Load(rendition.Content);
            (decoded.Bands, decoded.Format, decoded.Interpretation).ShouldBe((3, Enums.BandFormat.Uchar, Enums.Interpretation.Srgb), source);
        }
    }

    [Fact]
    public async Task A_Display_P3_photo_is_converted_to_sRGB_before_its_profile_is_dropped()
    {
        using var srgb = TestImages.Flat(400, 300, 200, 30, 50);
        using var p3 = srgb.IccTransform("p3");
        var p3Values = p3.Getpoint(10, 10);
        p3Values[1].ShouldBeGreaterThan(30 + 12, "the fixture's P3 numbers differ from its sRGB ones");

        var result = await processor.Process(p3.JpegsaveBuffer(q: 95), "image/jpeg");

        using var pixels = TestImages.Load(result.Image!.Rendition("medium", ImageFormat.WebP).Content);
        pixels.Contains("icc-profile-data").ShouldBeFalse();
        var mean = TestImages.Mean(pixels, 20, 20, 200, 150);
        mean[0].ShouldBe(200, tolerance: 6);
        mean[1].ShouldBe(30, tolerance: 6);
        mean[2].ShouldBe(50, tolerance: 6);
    }

    [Fact]
    public async Task The_same_bytes_give_the_same_renditions_so_their_hashes_make_stable_URLs()
    {
        var jpeg = TestImages.Jpeg(2400, 1800);

        var first = await processor.Process(jpeg, "image/jpeg");
        var second = await processor.Process(jpeg, "image/jpeg");

        first.Image!.Renditions.Select(r => r.Sha256).ShouldBe(second.Image!.Renditions.Select(r => r.Sha256));
    }

    [Fact]
    public async Task Cancellation_throws_rather_than_rejecting()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(
            () => processor.ProcessAsync(new MemoryStream(TestImages.Jpeg(400, 300)), "image/jpeg", cancelled.Token));
    }

    [Fact]
    public void Invalid_options_are_refused_at_construction()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new ImageProcessor(new ImageProcessingOptions { MaxConcurrency = 0 }));
        Should.Throw<ArgumentException>(() => new ImageProcessor(new ImageProcessingOptions { Renditions = [new("a", 10), new("a", 20)] }));
    }

    private static (int, int) Size(ProcessedImage image, string name)
    {
        var webp = image.Rendition(name, ImageFormat.WebP);
        var jpeg = image.Rendition(name, ImageFormat.Jpeg);
        (jpeg.Width, jpeg.Height).ShouldBe((webp.Width, webp.Height));
        return (webp.Width, webp.Height);
    }
}
