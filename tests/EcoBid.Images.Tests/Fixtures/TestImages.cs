using System.Collections.Concurrent;
using NetVips;

namespace EcoBid.Images.Tests.Fixtures;

/// <summary>Pictures made in code: nothing is downloaded and no binary file is checked in.</summary>
internal static class TestImages
{
    /// <summary>
    /// A photo-like picture: smooth colour fields (Perlin noise at scales relative to the size, drawn at an eighth of
    /// it and enlarged, so a resized copy keeps its structure) plus sensor-like grain. Different seeds give
    /// unrelated pictures.
    /// </summary>
    public static Image Photo(int width, int height, int seed = 1)
    {
        int smallWidth = Math.Max(16, width / 8), smallHeight = Math.Max(16, height / 8);
        var scale = Math.Max(smallWidth, smallHeight);
        using var red = Field(smallWidth, smallHeight, scale / 4, seed);
        using var green = Field(smallWidth, smallHeight, scale / 6, seed + 100);
        using var blue = Field(smallWidth, smallHeight, scale / 8, seed + 200);
        using var colour = red.Bandjoin(green, blue);
        using var enlarged = colour.Resize((double)width / smallWidth, vscale: (double)height / smallHeight, kernel: Enums.Kernel.Linear);
        using var fitted = enlarged.Crop(0, 0, Math.Min(width, enlarged.Width), Math.Min(height, enlarged.Height));
        using var grain = Grain(seed, fitted.Width, fitted.Height);
        using var grainy = fitted + grain;
        return grainy.Cast(Enums.BandFormat.Uchar).Copy(interpretation: Enums.Interpretation.Srgb);
    }

    // Perlin noise is mid-grey on its lattice whatever the seed, so each seed's field is cut from a shifted window.
    private static Image Field(int width, int height, int cellSize, int seed)
    {
        cellSize = Math.Max(4, cellSize);
        using var noise = Image.Perlin(width + cellSize, height + cellSize, cellSize: cellSize, uchar: true, seed: seed);
        return noise.Crop(seed * 7919 % cellSize, seed * 104729 % cellSize, width, height);
    }

    // Noise is slow to draw, so one tile is drawn into memory and repeated.
    private static Image Grain(int seed, int width, int height)
    {
        const int tileSize = 256;
        using var noise = Image.Gaussnoise(tileSize, tileSize, sigma: 10, mean: 0, seed: seed);
        using var tile = noise.CopyMemory();
        using var tiles = tile.Replicate(width / tileSize + 1, height / tileSize + 1);
        return tiles.Crop(0, 0, width, height);
    }

    /// <summary>One flat colour, 8-bit sRGB.</summary>
    public static Image Flat(int width, int height, double red, double green, double blue)
    {
        using var black = Image.Black(width, height, bands: 3);
        using var coloured = black + new[] { red, green, blue };
        return coloured.Cast(Enums.BandFormat.Uchar).Copy(interpretation: Enums.Interpretation.Srgb);
    }

    /// <summary>A photo saved as JPEG; made once per size, seed and quality for the whole run (callers must not change it).</summary>
    public static byte[] Jpeg(int width, int height, int seed = 1, int quality = 90) =>
        Jpegs.GetOrAdd((width, height, seed, quality), key =>
        {
            using var photo = Photo(key.Width, key.Height, key.Seed);
            return photo.JpegsaveBuffer(q: key.Quality);
        });

    private static readonly ConcurrentDictionary<(int Width, int Height, int Seed, int Quality), byte[]> Jpegs = new();

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
