namespace EcoBid.Server.Auctions;

/// <summary>The most the bidder will pay, in minor units; the system bids for them up to it (proxy bidding).</summary>
public sealed record PlaceBidRequest(long? MaxAmount);
