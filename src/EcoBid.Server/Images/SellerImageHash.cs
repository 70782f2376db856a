namespace EcoBid.Server.Images;

/// <summary>A seller's processed photo and its perceptual hash (16 hex digits).</summary>
public sealed record SellerImageHash(string ImageId, string Hash);
