using EcoBid.Images.Formats;
using EcoBid.Images.Hashing;
using NetVips;

namespace EcoBid.Images.Processing;

/// <summary>
/// Turns the bytes of a sniffed, accepted format into renditions: header checks first, then one shrink-on-load
/// decode into an upright, sRGB, metadata-free base image in memory, from which every rendition, the placeholder
/// and the perceptual hash are made. Anything libvips cannot decode becomes a <c>corrupt</c> rejection.
/// </summary>
internal sealed class ImagePipeline(ImageProcessingOptions options)
{
    private readonly int largestFit = options.Renditions.Where(r => !r.Square).Select(r => r.Size).DefaultIfEmpty(0).Max();
    private readonly int largestSquare = options.Renditions.Where(r => r.Square).Select(r => r.Size).DefaultIfEmpty(0).Max();

    internal ImageProcessingResult Process(byte[] data, ImageFormat format, CancellationToken cancellationToken)
    {
        try
        {
            var header = ImageHeader.Read(data);
            if (!header.IsLoadedAs(format))
                return Corrupt(format, $"it reads as '{header.Loader}'");
            var problems = HeaderLimits.Check(header, options);
            if (problems.Count > 0)
                return ImageProcessingResult.Rejected(problems);

            cancellationToken.ThrowIfCancellationRequested();
            return ImageProcessingResult.Accepted(Render(data, format, header, cancellationToken));
        }
        catch (VipsException e)
        {
            return Corrupt(format, e.Message);
        }
    }

    private ProcessedImage Render(byte[] data, ImageFormat format, ImageHeader header, CancellationToken cancellationToken)
    {
        var (width, height) = header.Upright;
        using var basis = LoadBasis(data, width, height);
        var encoder = new RenditionEncoder(options);
        var renditions = new List<ImageRendition>(options.Renditions.Count * 2);
        foreach (var spec in options.Renditions)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var sized = Resize(basis, spec);
            renditions.AddRange(encoder.Encode(spec.Name, sized));
        }

        using var opaque = RenditionEncoder.Opaque(basis);
        return new ProcessedImage(
            format,
            data.LongLength,
            width,
            height,
            Fingerprints.Placeholder(opaque),
            Fingerprints.Hash(opaque),
            renditions);
    }

    /// <summary>
    /// The smallest upright image every rendition can be cut from: long edge down to the largest fitted rendition,
    /// unless a square crop needs a longer short edge. The thumbnail loader shrinks while decoding (JPEG DCT
    /// scaling, WebP and AVIF scaled decode), so a 12 MP photo is never held at full size.
    /// </summary>
    private Image LoadBasis(byte[] data, int width, int height)
    {
        var scale = Math.Min(1.0, Math.Max(
            (double)largestFit / Math.Max(width, height),
            (double)largestSquare / Math.Min(width, height)));
        var boxWidth = Math.Max(1, (int)Math.Ceiling(width * scale));
        var boxHeight = Math.Max(1, (int)Math.Ceiling(height * scale));

        // Thumbnail's own fail-on setting does not reach the loader (libvips 8.18): a truncated JPEG would decode
        // grey to the end. The loader option does.
        using var loaded = Image.ThumbnailBuffer(data, boxWidth, optionString: "fail_on=error", height: boxHeight, size: Enums.Size.Down);
        using var srgb = ColourToSrgb.Convert(loaded);
        using var inMemory = srgb.CopyMemory();
        return Metadata.Strip(inMemory);
    }

    private static Image Resize(Image basis, RenditionSpec spec)
    {
        if (spec.Square)
        {
            var side = Math.Min(basis.Width, basis.Height);
            // Thumbnail does not crop an image it does not shrink, so a small one is cut square here.
            return side > spec.Size
                ? basis.ThumbnailImage(spec.Size, height: spec.Size, size: Enums.Size.Down, crop: Enums.Interesting.Attention)
                : basis.Smartcrop(side, side, interesting: Enums.Interesting.Attention);
        }
        return Math.Max(basis.Width, basis.Height) <= spec.Size
            ? basis.Copy()
            : basis.ThumbnailImage(spec.Size, height: spec.Size, size: Enums.Size.Down);
    }

    private static ImageProcessingResult Corrupt(ImageFormat format, string detail)
    {
        var reason = detail.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "";
        return ImageProcessingResult.Rejected(ImageProblemCodes.Corrupt,
            $"The {format.Name} file is damaged or incomplete and cannot be read ({reason}).");
    }
}
