namespace EcoBid.Domain.Auctions;

/// <summary>Why an auction ended without a sale, as <c>AuctionEnded.unsoldReason</c> and the notices say it.</summary>
public static class AuctionUnsoldReasons
{
    public const string NoBids = "no_bids";
    public const string ReserveNotMet = "reserve_not_met";
}
