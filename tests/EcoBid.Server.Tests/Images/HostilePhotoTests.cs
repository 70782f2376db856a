using System.Net;
using System.Text;
using System.Text.Json;
using EcoBid.Server.Tests.Infrastructure;

namespace EcoBid.Server.Tests.Images;

/// <summary>
/// Hostile files through the real host (the library's tests cover the decoding itself): each is uploaded, processed
/// and rejected with the problems that name it, and nothing of it is ever served. A photo with GPS in its EXIF is
/// served without any metadata, read back over HTTP.
/// </summary>
public sealed class HostilePhotoTests : IClassFixture<HostilePhotoTests.Host>
{
    private static readonly string[] StructuralFields =
    [
        "width", "height", "bands", "format", "coding", "interpretation", "xoffset", "yoffset", "xres", "yres",
        "filename", "vips-loader", "jpeg-multiscan", "jpeg-chroma-subsample", "interlaced",
    ];

    private readonly Host _host;

    public HostilePhotoTests(Host host) => _host = host;

    public static TheoryData<string, string, string[]> HostileFiles() => new()
    {
        { "a PNG whose header claims 20000 × 20000 (decompression bomb)", "image/png", ["too_many_pixels"] },
        { "a truncated JPEG", "image/jpeg", ["corrupt"] },
        { "JPEG magic bytes with an HTML page behind them", "image/jpeg", ["corrupt"] },
        { "an SVG with a script, declared as PNG", "image/png", ["unsupported_type", "type_mismatch"] },
        { "an animated GIF, declared as PNG", "image/png", ["unsupported_type", "type_mismatch"] },
        { "a ZIP archive, declared as JPEG", "image/jpeg", ["unsupported_type", "type_mismatch"] },
        { "a PNG declared as JPEG", "image/jpeg", ["type_mismatch"] },
        { "a photo 21 times wider than high", "image/jpeg", ["bad_aspect_ratio"] },
        { "a photo too small to show an item (120 × 90)", "image/jpeg", ["too_small"] },
    };

    [Theory]
    [MemberData(nameof(HostileFiles))]
    public async Task A_hostile_file_is_processed_into_a_rejection_naming_its_problems_and_nothing_is_served(string file, string declared, string[] codes)
    {
        var (owner, itemId) = await _host.ItemAsync();
        var bytes = Bytes(file);

        var imageId = await owner.UploadAsync(_host.App.CreateClient(), itemId, bytes, declared);
        var image = await owner.WaitProcessedAsync(itemId, imageId);

        image.GetProperty("status").GetString().ShouldBe("rejected", file);
        image.ProblemCodes().ShouldBe(codes, ignoreOrder: true, customMessage: file);
        image.GetProperty("problems").EnumerateArray().ShouldAllBe(p => p.GetProperty("message").GetString()!.Length > 10);
        image.GetProperty("urls").ValueKind.ShouldBe(JsonValueKind.Null);
        (await _host.App.Database.CountAsync("SELECT COUNT(*) FROM item_image_renditions WHERE image_id = @imageId", new { imageId })).ShouldBe(0);
        Directory.Exists(Path.Combine(_host.App.DataDir, "blobs", "images", imageId)).ShouldBeFalse();

        var (_, other) = await _host.App.SignUpAsync();
        (await other.GetAsync($"/items/{itemId}/images/{imageId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var seen = await (await other.GetAsync($"/items/{itemId}")).ReadJsonAsync();
        seen.GetProperty("images").GetArrayLength().ShouldBe(0);
        seen.GetProperty("cover").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task A_photo_with_GPS_in_its_EXIF_is_served_without_any_metadata()
    {
        var (owner, itemId) = await _host.ItemAsync();
        var original = TestPhotos.JpegWithGps();
        TestPhotos.Fields(original, out _, out _).ShouldContain("exif-ifd3-GPSLatitude");

        var imageId = await owner.UploadAsync(_host.App.CreateClient(), itemId, original);
        var image = await owner.WaitProcessedAsync(itemId, imageId);

        image.GetProperty("status").GetString().ShouldBe("ready");
        var anonymous = _host.App.CreateClient();
        foreach (var format in new[] { "urls", "jpegUrls" })
        {
            foreach (var rendition in image.GetProperty(format).EnumerateObject())
            {
                var bytes = await anonymous.GetByteArrayAsync(rendition.Value.GetString());
                TestPhotos.Fields(bytes, out _, out _).ShouldBeSubsetOf(StructuralFields, rendition.Value.GetString());
                var text = Encoding.Latin1.GetString(bytes);
                foreach (var marker in new[] { "Exif\0\0", "52/1", "21/1", "PhoneMaker", "GPS" })
                {
                    text.ShouldNotContain(marker, Case.Sensitive, $"{rendition.Value.GetString()} contains '{marker}'");
                }
            }
        }
    }

    private static byte[] Bytes(string file) => file switch
    {
        _ when file.StartsWith("a PNG whose header", StringComparison.Ordinal) => TestPhotos.PngClaiming(20_000, 20_000),
        "a truncated JPEG" => TestPhotos.Truncated(TestPhotos.Jpeg(800, 600, seed: 41)),
        _ when file.StartsWith("JPEG magic", StringComparison.Ordinal) => TestPhotos.JpegMagicWithHtml(),
        _ when file.StartsWith("an SVG", StringComparison.Ordinal) => TestPhotos.Svg(),
        _ when file.StartsWith("an animated GIF", StringComparison.Ordinal) => TestPhotos.AnimatedGif(),
        _ when file.StartsWith("a ZIP", StringComparison.Ordinal) => [(byte)'P', (byte)'K', 3, 4, .. new byte[200]],
        "a PNG declared as JPEG" => TestPhotos.Png(640, 480, seed: 42),
        _ when file.StartsWith("a photo 21 times", StringComparison.Ordinal) => TestPhotos.Jpeg(4200, 200, seed: 43),
        _ when file.StartsWith("a photo too small", StringComparison.Ordinal) => TestPhotos.Jpeg(120, 90, seed: 44),
        _ => throw new ArgumentOutOfRangeException(nameof(file)),
    };

    /// <summary>One server for the whole class: each case gets its own seller and item.</summary>
    public sealed class Host : IDisposable
    {
        public EcoBidApp App { get; } = new();

        public async Task<(HttpClient Owner, string ItemId)> ItemAsync()
        {
            var (_, owner) = await App.SignUpAsync();
            return (owner, await owner.CreateItemAsync());
        }

        public void Dispose() => App.Dispose();
    }
}
