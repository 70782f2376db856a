namespace EcoBid.Domain.Auctions;

/// <summary>How an auction ended: sold to the winner at the winning bid, or unsold (no bids, or the reserve not met).</summary>
public sealed record AuctionResult(AuctionState Closed, bool Sold, string? WinnerId, long? WinningBid)
{
    public bool ReserveUnmet => !Sold && Closed.LeaderId is not null;
}
