using EcoBid.Images.Processing;

namespace EcoBid.Images.Moderation;

/// <summary>A moderation decision with its reasons (none when approved), coded as <see cref="ImageProblemCodes"/>.</summary>
public sealed class ImageModerationVerdict
{
    private ImageModerationVerdict(ImageModerationDecision decision, IReadOnlyList<ImageProblem> reasons)
    {
        Decision = decision;
        Reasons = reasons;
    }

    public ImageModerationDecision Decision { get; }

    public IReadOnlyList<ImageProblem> Reasons { get; }

    public static ImageModerationVerdict Approve() => new(ImageModerationDecision.Approve, []);

    public static ImageModerationVerdict FlagForReview(IReadOnlyList<ImageProblem> reasons) =>
        new(ImageModerationDecision.FlagForReview, RequireSome(reasons));

    public static ImageModerationVerdict Reject(IReadOnlyList<ImageProblem> problems) =>
        new(ImageModerationDecision.Reject, RequireSome(problems));

    private static IReadOnlyList<ImageProblem> RequireSome(IReadOnlyList<ImageProblem> reasons)
    {
        ArgumentNullException.ThrowIfNull(reasons);
        return reasons.Count > 0 ? reasons : throw new ArgumentException("Give at least one reason.", nameof(reasons));
    }
}
