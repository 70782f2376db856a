namespace EcoBid.Images.Processing;

/// <summary>The decompression-bomb checks, on header facts alone.</summary>
internal static class HeaderLimits
{
    internal static List<ImageProblem> Check(ImageHeader header, ImageProcessingOptions options)
    {
        var problems = new List<ImageProblem>();
        var pixels = (long)header.Width * header.Height;
        if (pixels > options.MaxPixels)
        {
            problems.Add(new(ImageProblemCodes.TooManyPixels,
                $"The image is {header.Width}×{header.Height} ({pixels:N0} pixels); at most {options.MaxPixels:N0} pixels are accepted."));
        }

        var longEdge = Math.Max(header.Width, header.Height);
        var shortEdge = Math.Min(header.Width, header.Height);
        if (shortEdge < 1 || (double)longEdge / shortEdge > options.MaxAspectRatio)
        {
            problems.Add(new(ImageProblemCodes.BadAspectRatio,
                $"The image is {header.Width}×{header.Height}; its long edge may be at most {options.MaxAspectRatio:0.##} times its short edge."));
        }

        if (header.Pages > 1)
        {
            problems.Add(new(ImageProblemCodes.Animated,
                $"The image has {header.Pages} frames; only still photos are accepted."));
        }
        return problems;
    }
}
