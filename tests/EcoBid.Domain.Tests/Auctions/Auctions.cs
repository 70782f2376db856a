using EcoBid.Domain.Auctions;

namespace EcoBid.Domain.Tests.Auctions;

/// <summary>Auctions on a fixed clock: opened at <see cref="T0"/>, ten minutes long unless said otherwise.</summary>
internal static class Auctions
{
    public static readonly DateTimeOffset T0 = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public static AuctionTerms Terms(
        long start = 10_00, long? reserve = null, long? buyNow = null, TimeSpan? duration = null, SoftCloseRule? softClose = null) =>
        new(start, reserve, buyNow, "PLN", duration ?? TimeSpan.FromMinutes(10), IncrementTable.Default, softClose ?? SoftCloseRule.Default);

    public static AuctionState Open(AuctionTerms? terms = null) => AuctionBook.Open(terms ?? Terms(), "seller", T0);

    /// <summary>Applies the bid and insists it was accepted.</summary>
    public static AuctionState Bid(this AuctionState state, string bidder, long max, DateTimeOffset? at = null)
    {
        var outcome = AuctionBook.Apply(state, new BidAttempt(bidder, max, at ?? T0.AddMinutes(1)));
        outcome.Refusal.ShouldBeNull();
        return outcome.After;
    }

    public static BidOutcome Try(this AuctionState state, string bidder, long max, DateTimeOffset? at = null) =>
        AuctionBook.Apply(state, new BidAttempt(bidder, max, at ?? T0.AddMinutes(1)));
}
