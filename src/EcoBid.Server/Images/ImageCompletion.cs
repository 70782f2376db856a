namespace EcoBid.Server.Images;

/// <summary>What processing and moderation decided about a photo, as ProcessImage commits it.</summary>
public sealed record ImageCompletion(
    string ImageId,
    string Status,
    long ProcessedAt,
    int? Width,
    int? Height,
    string? Placeholder,
    string? PerceptualHash,
    string? Review,
    string? ProblemsJson,
    IReadOnlyList<RenditionRecord> Renditions);
