using System.Collections.Concurrent;
using System.Text;
using NetVips;

namespace EcoBid.Server.Tests.Infrastructure;

/// <summary>Photos made in code (libvips from NuGet, nothing downloaded, no binary file checked in), and hostile files.</summary>
public static class TestPhotos
{
    private static readonly ConcurrentDictionary<string, byte[]> Made = new(StringComparer.Ordinal);

    /// <summary>A photo-like JPEG: smooth colour fields (noise drawn small and enlarged) plus grain. Seeds give unrelated pictures.</summary>
    public static byte[] Jpeg(int width = 800, int height = 600, int seed = 1) =>
        Made.GetOrAdd($"jpeg {width} {height} {seed}", _ =>
        {
            using var photo = Photo(width, height, seed);
            return photo.JpegsaveBuffer(q: 90);
        });

    public static byte[] Png(int width = 640, int height = 480, int seed = 1)
    {
        using var photo = Photo(width, height, seed);
        return photo.PngsaveBuffer();
    }

    /// <summary>A JPEG with GPS coordinates (52°13′48″N 21°0′36″E) and a camera make in EXIF.</summary>
    public static byte[] JpegWithGps(int seed = 7)
    {
        using var photo = Photo(1200, 900, seed);
        using var tagged = photo.Mutate(m =>
        {
            m.Set(GValue.GStrType, "exif-ifd0-Make", "PhoneMaker");
            m.Set(GValue.GStrType, "exif-ifd3-GPSLatitudeRef", "N");
            m.Set(GValue.GStrType, "exif-ifd3-GPSLatitude", "52/1 13/1 48/1");
            m.Set(GValue.GStrType, "exif-ifd3-GPSLongitudeRef", "E");
            m.Set(GValue.GStrType, "exif-ifd3-GPSLongitude", "21/1 0/1 36/1");
        });
        return tagged.JpegsaveBuffer(q: 90, keep: Enums.ForeignKeep.All);
    }

    /// <summary>A PNG whose header claims <paramref name="width"/> × <paramref name="height"/> with almost no pixel data: a decompression bomb.</summary>
    public static byte[] PngClaiming(int width, int height)
    {
        var header = new byte[13];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header, width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;
        header[9] = 2;
        using var file = new MemoryStream();
        file.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(file, "IHDR", header);
        using (var deflated = new MemoryStream())
        {
            using (var zlib = new System.IO.Compression.ZLibStream(deflated, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
            {
                zlib.Write(new byte[64]);
            }

            Chunk(file, "IDAT", deflated.ToArray());
        }

        Chunk(file, "IEND", []);
        return file.ToArray();
    }

    public static byte[] Truncated(byte[] file) => file[..(file.Length / 2)];

    /// <summary>JPEG magic bytes followed by an HTML page with a script.</summary>
    public static byte[] JpegMagicWithHtml() =>
        [0xFF, 0xD8, 0xFF, 0xE0, .. Encoding.ASCII.GetBytes("<html><body><script>alert(document.cookie)</script></body></html>")];

    public static byte[] Svg() => Encoding.UTF8.GetBytes(
        """<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="400" height="400" onload="alert(1)"><rect width="400" height="400"/></svg>""");

    public static byte[] AnimatedGif()
    {
        var frames = Enumerable.Range(0, 3).Select(i => Flat(300, 300, 60 * i)).ToArray();
        try
        {
            using var strip = Image.Arrayjoin(frames, across: 1);
            using var animation = strip.Mutate(m =>
            {
                m.Set(GValue.GIntType, "page-height", 300);
                m.Set(GValue.ArrayIntType, "delay", new[] { 100, 100, 100 });
            });
            return animation.GifsaveBuffer();
        }
        finally
        {
            foreach (var frame in frames)
            {
                frame.Dispose();
            }
        }
    }

    /// <summary>Decodes an image and lists its metadata fields, as a browser-side reader would find them.</summary>
    public static IReadOnlyList<string> Fields(byte[] bytes, out int width, out int height)
    {
        using var image = Image.NewFromBuffer(bytes);
        width = image.Width;
        height = image.Height;
        return image.GetFields();
    }

    private static Image Photo(int width, int height, int seed)
    {
        int smallWidth = Math.Max(16, width / 8), smallHeight = Math.Max(16, height / 8);
        var cell = Math.Max(4, Math.Max(smallWidth, smallHeight) / 4);
        using var red = Image.Perlin(smallWidth, smallHeight, cellSize: cell, uchar: true, seed: seed);
        using var green = Image.Perlin(smallWidth, smallHeight, cellSize: Math.Max(4, cell * 2 / 3), uchar: true, seed: seed + 100);
        using var blue = Image.Perlin(smallWidth, smallHeight, cellSize: Math.Max(4, cell / 2), uchar: true, seed: seed + 200);
        using var colour = red.Bandjoin(green, blue);
        using var enlarged = colour.Resize((double)width / smallWidth, vscale: (double)height / smallHeight, kernel: Enums.Kernel.Linear);
        using var fitted = enlarged.Crop(0, 0, Math.Min(width, enlarged.Width), Math.Min(height, enlarged.Height));
        using var noise = Image.Gaussnoise(fitted.Width, fitted.Height, sigma: 8, mean: 0, seed: seed);
        using var grainy = fitted + noise;
        using var bytes = grainy.Cast(Enums.BandFormat.Uchar);
        return bytes.Copy(interpretation: Enums.Interpretation.Srgb).CopyMemory();
    }

    private static Image Flat(int width, int height, double shade)
    {
        using var black = Image.Black(width, height, bands: 3);
        using var coloured = black + new[] { shade, 100, 200 - shade };
        return coloured.Cast(Enums.BandFormat.Uchar);
    }

    private static void Chunk(Stream file, string type, byte[] data)
    {
        var typeBytes = Encoding.ASCII.GetBytes(type);
        var word = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        file.Write(word);
        file.Write(typeBytes);
        file.Write(data);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(word, Crc32([.. typeBytes, .. data]));
        file.Write(word);
    }

    // The CRC-32 PNG chunks carry (ISO 3309, reflected polynomial 0xEDB88320).
    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
