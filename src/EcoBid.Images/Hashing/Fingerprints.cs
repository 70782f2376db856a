using NetVips;

namespace EcoBid.Images.Hashing;

/// <summary>The placeholder and the perceptual hash of an opaque 8-bit sRGB image.</summary>
internal static class Fingerprints
{
    // BlurHash needs only a few pixels per component; 32 px keeps encoding well under a millisecond.
    private const int PlaceholderSampleSize = 32;

    internal static string Placeholder(Image opaque)
    {
        using var sample = opaque.ThumbnailImage(PlaceholderSampleSize, height: PlaceholderSampleSize, size: Enums.Size.Down);
        var landscape = sample.Width >= sample.Height;
        return BlurHash.Encode(sample.WriteToMemory<byte>(), sample.Width, sample.Height, landscape ? 4 : 3, landscape ? 3 : 4);
    }

    internal static PerceptualHash Hash(Image opaque)
    {
        using var grey = opaque.Colourspace(Enums.Interpretation.Bw);
        using var sample = grey.ThumbnailImage(PerceptualHash.SampleWidth, height: PerceptualHash.SampleHeight, size: Enums.Size.Force);
        return PerceptualHash.FromGreySample(sample.WriteToMemory<byte>());
    }
}
