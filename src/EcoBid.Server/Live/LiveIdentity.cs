namespace EcoBid.Server.Live;

/// <summary>Who a live connection belongs to, and until when its access token holds.</summary>
public sealed record LiveIdentity(string UserId, DateTimeOffset ExpiresAt);
