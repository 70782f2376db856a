namespace EcoBid.Server.Images;

/// <summary>A row of <c>item_images</c>, as Dapper reads it. Times are Unix milliseconds.</summary>
public sealed record ImageRecord
{
    public required string Id { get; init; }
    public required string ItemId { get; init; }
    public required string SellerId { get; init; }
    public int Position { get; init; }
    public required string Status { get; init; }
    public required string ContentType { get; init; }
    public long SizeBytes { get; init; }

    /// <summary>The SHA-256 (lowercase hex) the uploader declared, which the stored bytes must have.</summary>
    public string? Sha256 { get; init; }
    public long CreatedAt { get; init; }
    public long UploadExpiresAt { get; init; }
    public long? UploadedAt { get; init; }

    /// <summary>The ImageUploaded event's id, to find the image from a dead letter's ErrorOccurred.</summary>
    public string? UploadEventId { get; init; }

    /// <summary>The uploaded bytes' blob, until they are deleted a grace period after processing.</summary>
    public string? OriginalKey { get; init; }
    public long? ProcessedAt { get; init; }
    public int? Width { get; init; }
    public int? Height { get; init; }
    public string? Placeholder { get; init; }
    public string? PerceptualHash { get; init; }

    /// <summary><c>approved</c> or <c>flagged</c> (shown, and waiting for a person) once moderation has seen it.</summary>
    public string? Review { get; init; }

    /// <summary>JSON array of <c>{code, message}</c>: why it was refused, or why moderation flagged it.</summary>
    public string? Problems { get; init; }
}
