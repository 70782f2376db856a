using EcoBid.Images.Hashing;

namespace EcoBid.Images.Moderation;

/// <summary>Another image of the same seller, as the host knows it: its id and stored perceptual hash.</summary>
public sealed record SellerImage(string ImageId, PerceptualHash Hash);
