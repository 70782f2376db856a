namespace EcoBid.Images.Processing;

/// <summary>The codes an <see cref="ImageProblem"/> carries. They are part of the contract: hosts map them to API errors.</summary>
public static class ImageProblemCodes
{
    /// <summary>The upload has no bytes.</summary>
    public const string Empty = "empty";

    /// <summary>The upload is larger than <see cref="ImageProcessingOptions.MaxBytes"/>.</summary>
    public const string TooLarge = "too_large";

    /// <summary>The bytes are not an image format that is processed (the message names the format when known).</summary>
    public const string UnsupportedType = "unsupported_type";

    /// <summary>The declared content type is not the format the bytes are.</summary>
    public const string TypeMismatch = "type_mismatch";

    /// <summary>Width × height is over <see cref="ImageProcessingOptions.MaxPixels"/>; refused from the header, before decoding.</summary>
    public const string TooManyPixels = "too_many_pixels";

    /// <summary>The long edge is more than <see cref="ImageProcessingOptions.MaxAspectRatio"/> times the short edge.</summary>
    public const string BadAspectRatio = "bad_aspect_ratio";

    /// <summary>The image has more than one frame (an animation or an image sequence).</summary>
    public const string Animated = "animated";

    /// <summary>The bytes start like an image but cannot be decoded: truncated, damaged, or not an image after all.</summary>
    public const string Corrupt = "corrupt";

    /// <summary>Moderation: the short edge is below <see cref="Moderation.ImageModerationOptions.MinShortEdge"/>.</summary>
    public const string TooSmall = "too_small";

    /// <summary>Moderation: the image is a near-duplicate of another image of the same seller.</summary>
    public const string NearDuplicate = "near_duplicate";
}
