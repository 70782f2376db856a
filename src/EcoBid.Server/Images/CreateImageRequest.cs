namespace EcoBid.Server.Images;

/// <summary>
/// Asks for an upload URL: the photo's content type (image/jpeg, image/png, image/webp or image/avif), its exact size
/// in bytes and, optionally, the SHA-256 of its bytes (64 hex digits), which the stored upload must then have.
/// </summary>
public sealed record CreateImageRequest(string? ContentType, long? SizeBytes, string? Sha256);
