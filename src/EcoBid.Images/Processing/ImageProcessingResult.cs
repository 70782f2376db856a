using System.Diagnostics.CodeAnalysis;

namespace EcoBid.Images.Processing;

/// <summary>
/// Either an accepted <see cref="Image"/>, or the <see cref="Problems"/> it was rejected for (never both).
/// Rejections are results, not exceptions: any bytes at all get one of the two.
/// </summary>
public sealed class ImageProcessingResult
{
    private ImageProcessingResult(ProcessedImage? image, IReadOnlyList<ImageProblem> problems)
    {
        Image = image;
        Problems = problems;
    }

    public ProcessedImage? Image { get; }

    public IReadOnlyList<ImageProblem> Problems { get; }

    [MemberNotNullWhen(true, nameof(Image))]
    public bool IsAccepted => Image is not null;

    public static ImageProcessingResult Accepted(ProcessedImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return new(image, []);
    }

    public static ImageProcessingResult Rejected(IReadOnlyList<ImageProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (problems.Count == 0)
            throw new ArgumentException("A rejection names at least one problem.", nameof(problems));
        return new(null, problems);
    }

    public static ImageProcessingResult Rejected(string code, string message) => Rejected([new ImageProblem(code, message)]);
}
