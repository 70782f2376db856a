using EcoBid.Images.Hashing;
using EcoBid.Images.Processing;
using EcoBid.Images.Tests.Fixtures;
using NetVips;

namespace EcoBid.Images.Tests.Hashing;

public class PerceptualHashTests
{
    [Fact]
    public void Brightness_rising_left_to_right_sets_every_bit_and_falling_clears_them()
    {
        var rising = Enumerable.Range(0, 72).Select(i => (byte)(i % 9 * 20)).ToArray();
        var falling = rising.Select(v => (byte)(200 - v)).ToArray();

        PerceptualHash.FromGreySample(rising).Value.ShouldBe(ulong.MaxValue);
        PerceptualHash.FromGreySample(falling).Value.ShouldBe(0UL);
    }

    [Fact]
    public void Bits_are_read_row_by_row_from_the_top_left()
    {
        // Only the first pair of the first row rises, and only the last pair of the last row.
        var sample = new byte[72];
        sample[1] = 10;
        sample[71] = 10;

        PerceptualHash.FromGreySample(sample).Value.ShouldBe(0x8000_0000_0000_0001UL);
    }

    [Theory]
    [InlineData(0UL, 0UL, 0)]
    [InlineData(0UL, ulong.MaxValue, 64)]
    [InlineData(0b1011UL, 0b0110UL, 3)]
    [InlineData(0xF0F0_0000_0000_0001UL, 0x00F0_0000_0000_0000UL, 5)]
    public void Distance_counts_differing_bits(ulong a, ulong b, int distance)
    {
        PerceptualHash.Distance(new(a), new(b)).ShouldBe(distance);
        PerceptualHash.Distance(new(b), new(a)).ShouldBe(distance);
    }

    [Fact]
    public void A_hash_round_trips_through_its_16_hex_digits()
    {
        var hash = new PerceptualHash(0x00AB_CDEF_0123_4567UL);

        hash.ToString().ShouldBe("00abcdef01234567");
        PerceptualHash.Parse("00abcdef01234567").ShouldBe(hash);
        PerceptualHash.TryParse("abc", out _).ShouldBeFalse();
        PerceptualHash.TryParse("zzabcdef01234567", out _).ShouldBeFalse();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public async Task The_same_photo_resized_and_recompressed_stays_within_6(int seed)
    {
        using var processor = new ImageProcessor();
        using var photo = TestImages.Photo(1600, 1200, seed);
        using var half = photo.Resize(0.5);

        var original = await processor.Process(photo.JpegsaveBuffer(q: 92), "image/jpeg");
        var copy = await processor.Process(half.JpegsaveBuffer(q: 55), "image/jpeg");
        var webp = await processor.Process(half.WebpsaveBuffer(q: 50), "image/webp");

        PerceptualHash.Distance(original.Image!.Hash, copy.Image!.Hash).ShouldBeLessThanOrEqualTo(6);
        PerceptualHash.Distance(original.Image.Hash, webp.Image!.Hash).ShouldBeLessThanOrEqualTo(6);
    }

    [Fact]
    public async Task A_photo_turned_by_its_EXIF_orientation_hashes_like_the_upright_photo()
    {
        using var processor = new ImageProcessor();
        using var upright = TestImages.Photo(900, 1200, seed: 8);
        using var stored = upright.Rot(Enums.Angle.D270);
        using var tagged = stored.Mutate(m => m.Set(GValue.GIntType, "orientation", 6));

        var plain = await processor.Process(upright.JpegsaveBuffer(), "image/jpeg");
        var turned = await processor.Process(tagged.JpegsaveBuffer(keep: Enums.ForeignKeep.All), "image/jpeg");

        PerceptualHash.Distance(plain.Image!.Hash, turned.Image!.Hash).ShouldBeLessThanOrEqualTo(2);
    }

    [Fact]
    public async Task Different_photos_are_far_apart()
    {
        using var processor = new ImageProcessor();
        var hashes = new List<PerceptualHash>();
        for (var seed = 1; seed <= 6; seed++)
            hashes.Add((await processor.Process(TestImages.Jpeg(800, 600, seed), "image/jpeg")).Image!.Hash);

        for (var a = 0; a < hashes.Count; a++)
        {
            for (var b = a + 1; b < hashes.Count; b++)
                PerceptualHash.Distance(hashes[a], hashes[b]).ShouldBeGreaterThan(12, $"photos {a + 1} and {b + 1}");
        }
    }
}
