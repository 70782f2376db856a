using EcoBid.Images.Formats;
using NetVips;

namespace EcoBid.Images.Processing;

/// <summary>What the loader says about an image before decoding a pixel.</summary>
internal sealed record ImageHeader(int Width, int Height, int Orientation, int Pages, string? Loader)
{
    /// <summary>EXIF orientations 5–8 turn the picture a quarter, so upright width and height swap.</summary>
    internal (int Width, int Height) Upright => Orientation is >= 5 and <= 8 ? (Height, Width) : (Width, Height);

    /// <summary>Reads the header only; throws <see cref="VipsException"/> when the loader cannot make sense of it.</summary>
    internal static ImageHeader Read(byte[] data)
    {
        using var image = Image.NewFromBuffer(data, access: Enums.Access.Sequential, failOn: Enums.FailOn.Error);
        return new ImageHeader(
            image.Width,
            image.Height,
            image.Contains("orientation") ? Convert.ToInt32(image.Get("orientation")) : 1,
            image.Contains("n-pages") ? Convert.ToInt32(image.Get("n-pages")) : 1,
            image.Contains("vips-loader") ? image.Get("vips-loader") as string : null);
    }

    /// <summary>Whether the loader libvips chose is the one for the sniffed format (it always should be).</summary>
    internal bool IsLoadedAs(ImageFormat format)
    {
        var expected = format == ImageFormat.Jpeg ? "jpegload"
            : format == ImageFormat.Png ? "pngload"
            : format == ImageFormat.WebP ? "webpload"
            : format == ImageFormat.Avif ? "heifload"
            : null;
        return expected is not null && Loader is not null && Loader.StartsWith(expected, StringComparison.Ordinal);
    }
}
