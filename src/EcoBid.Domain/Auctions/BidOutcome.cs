namespace EcoBid.Domain.Auctions;

/// <summary>The auction before and after a bid; when refused, the two are the same and <see cref="Refusal"/> says why.</summary>
public sealed record BidOutcome(AuctionState Before, AuctionState After, BidRefusal? Refusal)
{
    public bool Accepted => Refusal is null;

    public bool Extended => After.EffectiveEnd > Before.EffectiveEnd;

    public bool PriceRaised => After.Price > Before.Price || (Before.Price is null && After.Price is not null);
}
