using NetVips;

namespace EcoBid.Images.Tests.Fixtures;

/// <summary>Pictures made in code: nothing is downloaded and no binary file is checked in.</summary>
internal static class TestImages
{
    /// <summary>
    /// A photo-like picture: smooth colour fields (Perlin noise at scales relative to the size, so a resized copy
    /// keeps its structure) plus sensor-like grain. Different seeds give unrelated pictures.
    /// </summary>
    public static Image Photo(int width, int height, int seed = 1)
    {
        var scale = Math.Max(width, height);
        using var red = Image.Perlin(width, height, cellSize: Math.Max(8, scale / 4), uchar: true, seed: seed);
        using var green = Image.Perlin(width, height, cellSize: Math.Max(8, scale / 6), uchar: true, seed: seed + 100);
        using var blue = Image.Perlin(width, height, cellSize: Math.Max(8, scale / 8), uchar: true, seed: seed + 200);
        using var grain = Image.Gaussnoise(width, height, sigma: 10, mean: 0, seed: seed);
        using var colour = red.Bandjoin(green, blue);
        using var grainy = colour + grain;
        return grainy.Cast(Enums.BandFormat.Uchar).Copy(interpretation: Enums.Interpretation.Srgb);
    }

    /// <summary>One flat colour, 8-bit sRGB.</summary>
    public static Image Flat(int width, int height, double red, double green, double blue)
    {
        using var black = Image.Black(width, height, bands: 3);
        using var coloured = black + new[] { red, green, blue };
        return coloured.Cast(Enums.BandFormat.Uchar).Copy(interpretation: Enums.Interpretation.Srgb);
    }

    public static byte[] Jpeg(int width, int height, int seed = 1, int quality = 90)
    {
        using var photo = Photo(width, height, seed);
        return photo.JpegsaveBuffer(q: quality);
    }

    /// <summary>Frames stacked vertically and marked with <c>page-height</c>, as libvips' savers expect an animation.</summary>
    public static Image Animation(int width, int height, int frames)
    {
        var pages = Enumerable.Range(0, frames).Select(i => Flat(width, height, 40 * i, 100, 200 - 40 * i)).ToArray();
        try
        {
            using var strip = Image.Arrayjoin(pages, across: 1);
            return strip.Mutate(image =>
            {
                image.Set(GValue.GIntType, "page-height", height);
                image.Set(GValue.ArrayIntType, "delay", Enumerable.Repeat(100, frames).ToArray());
            });
        }
        finally
        {
            foreach (var page in pages)
                page.Dispose();
        }
    }

    /// <summary>Decodes a rendition or fixture back, as the browser would.</summary>
    public static Image Load(ReadOnlyMemory<byte> bytes) => Image.NewFromBuffer(bytes.ToArray());

    /// <summary>The mean of each band over a region.</summary>
    public static double[] Mean(Image image, int left, int top, int width, int height)
    {
        using var region = image.Crop(left, top, width, height);
        return Enumerable.Range(0, region.Bands).Select(band =>
        {
            using var one = region.ExtractBand(band);
            return one.Avg();
        }).ToArray();
    }
}
