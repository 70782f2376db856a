using EcoBid.Images.Hashing;
using EcoBid.Images.Processing;
using EcoBid.Images.Tests.Fixtures;
using NetVips;

namespace EcoBid.Images.Tests.Hashing;

public class BlurHashTests
{
    // Vectors worked out by hand from the published algorithm:
    // - Size flag (x - 1) + (y - 1) × 9; with no AC components the maximum digit is 0.
    // - Pure red is 0xFF0000 = 16711680 = 29·83³ + 18·83² + 70·83 + 45, the digits T I : j.
    // - Black, black, white, white in a row with 2 × 1 components: DC is linear 0.5 = sRGB 188 (0xBCBCBC =
    //   12369084 = 21·83³ + 52·83² + 40·83 + 9: L q e 9); the AC factor is 2/4 · (cos(2π/4) + cos(3π/4)) = −0.3536,
    //   so the maximum digit is ⌊0.3536·166 − 0.5⌋ = 58 (w) and each channel quantises to
    //   ⌊−√(0.3536/0.3554)·9 + 9.5⌋ = 0, the digits 00.
    // - Pure red on 4 × 3 pixels with 4 × 3 components: BlurHash's cosines do not sum to zero over whole pixels
    //   (Σ cos(πix/4) = 1 for odd i), so a flat picture has AC terms: (1,0) and (3,0) are 0.5 of red, (0,1) is ⅔,
    //   (1,1) and (3,1) are ⅙, the rest 0. The maximum ⅔ quantises to 82 (~, so 0.5); 0.5 → (18, 9, 9) = |c,
    //   ⅔ → clamped to (18, 9, 9) = |c, ⅙ → (14, 9, 9) = $5, 0 → (9, 9, 9) = fQ.
    public static TheoryData<string, byte[], int, int, int, int, string> Vectors => new()
    {
        { "1 red pixel, 1 × 1", [255, 0, 0], 1, 1, 1, 1, "00TI:j" },
        { "red 2 × 2, 1 × 1", [.. Repeat([255, 0, 0], 4)], 2, 2, 1, 1, "00TI:j" },
        { "black black white white, 2 × 1", [0, 0, 0, 0, 0, 0, 255, 255, 255, 255, 255, 255], 4, 1, 2, 1, "1wLqe900" },
        { "red 4 × 3, 4 × 3", [.. Repeat([255, 0, 0], 12)], 4, 3, 4, 3, "L~TI:j|cfQ|c|c$5fQ$5fQfQfQfQ" },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Encode_matches_vectors_worked_out_from_the_algorithm(string because, byte[] rgb, int width, int height, int x, int y, string expected) =>
        BlurHash.Encode(rgb, width, height, x, y).ShouldBe(expected, because);

    [Theory]
    [InlineData(1, 1, 6)]
    [InlineData(4, 3, 28)]
    [InlineData(3, 4, 28)]
    [InlineData(9, 9, 166)]
    public void A_hash_has_two_digits_per_AC_component_after_a_six_digit_head(int x, int y, int length)
    {
        using var photo = TestImages.Photo(64, 48);
        var pixels = photo.WriteToMemory<byte>();

        var hash = BlurHash.Encode(pixels, 64, 48, x, y);

        hash.Length.ShouldBe(length);
        BlurHashDecoder.Components(hash).ShouldBe((x, y));
    }

    [Fact]
    public void A_hash_decodes_to_the_picture_it_was_made_from()
    {
        // Left half orange, right half blue: the decoded left must be orange-ish and the right blue-ish.
        using var left = TestImages.Flat(32, 32, 240, 140, 20);
        using var right = TestImages.Flat(32, 32, 20, 60, 220);
        using var picture = left.Join(right, Enums.Direction.Horizontal);

        var hash = BlurHash.Encode(picture.WriteToMemory<byte>(), 64, 32, 4, 3);
        var decoded = BlurHashDecoder.Decode(hash, 64, 32);

        var (lr, _, lb) = decoded[16, 8];
        var (rr, _, rb) = decoded[16, 56];
        lr.ShouldBeGreaterThan(lb + 100);
        rb.ShouldBeGreaterThan(rr + 100);
    }

    [Fact]
    public async Task The_placeholder_of_a_processed_photo_decodes_to_its_average_colour()
    {
        using var processor = new ImageProcessor();
        using var photo = TestImages.Photo(900, 600, seed: 3);
        using var tinted = photo.Linear([1.0, 0.6, 0.3], [40.0, 0, 0]).Cast(Enums.BandFormat.Uchar);

        var result = await processor.Process(tinted.JpegsaveBuffer(q: 92), "image/jpeg");

        var placeholder = result.Image!.Placeholder;
        placeholder.Length.ShouldBe(28);
        BlurHashDecoder.Components(placeholder).ShouldBe((4, 3));
        var expected = LinearLightMean(tinted);
        var decoded = BlurHashDecoder.Decode(placeholder, 30, 20);
        var mean = Enumerable.Range(0, 3).Select(band => Average(decoded, band)).ToArray();
        for (var band = 0; band < 3; band++)
            mean[band].ShouldBe(expected[band], tolerance: 12, $"band {band}");
    }

    [Fact]
    public async Task A_portrait_photo_gets_more_vertical_components()
    {
        using var processor = new ImageProcessor();

        var result = await processor.Process(TestImages.Jpeg(300, 500), "image/jpeg");

        BlurHashDecoder.Components(result.Image!.Placeholder).ShouldBe((3, 4));
    }

    private static IEnumerable<byte> Repeat(byte[] pixel, int count) => Enumerable.Repeat(pixel, count).SelectMany(p => p);

    // BlurHash averages in linear light, so the expected colour is the sRGB of the linear mean.
    private static double[] LinearLightMean(Image srgb)
    {
        using var linear = srgb.Colourspace(Enums.Interpretation.Scrgb);
        return Enumerable.Range(0, 3).Select(band =>
        {
            using var one = linear.ExtractBand(band);
            var v = Math.Clamp(one.Avg(), 0, 1);
            return (v <= 0.0031308 ? v * 12.92 : 1.055 * Math.Pow(v, 1 / 2.4) - 0.055) * 255;
        }).ToArray();
    }

    private static double Average((int R, int G, int B)[,] pixels, int band)
    {
        double sum = 0;
        foreach (var (r, g, b) in pixels)
            sum += band == 0 ? r : band == 1 ? g : b;
        return sum / pixels.Length;
    }
}
