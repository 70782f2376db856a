using NetVips;

namespace EcoBid.Web.Tests.Infrastructure;

/// <summary>Photos made on the spot for upload tests.</summary>
public static class TestPhotos
{
    /// <summary>A JPEG of one colour: its placeholder's average colour is that colour.</summary>
    public static byte[] FlatJpeg(int width, int height, int[] rgb)
    {
        ArgumentNullException.ThrowIfNull(rgb);
        using var black = Image.Black(width, height, bands: 3);
        using var coloured = black.Linear([1, 1, 1], [.. rgb.Select(c => (double)c)]);
        using var image = coloured.Cast(Enums.BandFormat.Uchar).Copy(interpretation: Enums.Interpretation.Srgb);
        return image.JpegsaveBuffer(q: 90);
    }
}
