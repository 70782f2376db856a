namespace EcoBid.Images.Moderation;

public enum ImageModerationDecision
{
    /// <summary>Show the image.</summary>
    Approve,

    /// <summary>Show it (or hold it, as the host decides) and put it in front of a person, with the reasons.</summary>
    FlagForReview,

    /// <summary>Do not show it; the reasons say why.</summary>
    Reject,
}
