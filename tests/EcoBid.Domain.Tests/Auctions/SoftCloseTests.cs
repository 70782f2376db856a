using EcoBid.Domain.Auctions;

namespace EcoBid.Domain.Tests.Auctions;

/// <summary>Soft close on an explicit clock: a 10-minute auction, 2-minute window, 10-minute cap (the defaults).</summary>
public sealed class SoftCloseTests
{
    private static readonly DateTimeOffset End = Auctions.T0.AddMinutes(10);

    [Fact]
    public void A_bid_one_millisecond_before_the_end_is_taken_and_moves_the_end_to_its_time_plus_the_window()
    {
        var at = End.AddMilliseconds(-1);

        var outcome = Auctions.Open().Try("ann", 10_00, at);

        outcome.Accepted.ShouldBeTrue();
        outcome.Extended.ShouldBeTrue();
        outcome.After.EffectiveEnd.ShouldBe(at.AddMinutes(2));
        outcome.After.OriginalEnd.ShouldBe(End);
    }

    [Fact]
    public void A_bid_exactly_at_the_end_is_refused_because_the_end_is_exclusive()
    {
        var outcome = Auctions.Open().Try("ann", 10_00, End);

        outcome.Accepted.ShouldBeFalse();
        outcome.Refusal!.Reason.ShouldBe(BidRefusal.Kind.Conflict);
        outcome.Refusal.Message.ShouldContain("ended");
    }

    [Fact]
    public void A_bid_after_the_original_end_but_before_the_extended_end_is_taken()
    {
        var extended = Auctions.Open().Bid("ann", 10_00, End.AddSeconds(-30)); // ends at End + 90 s

        var outcome = extended.Try("bob", 20_00, End.AddSeconds(60));

        outcome.Accepted.ShouldBeTrue();
        outcome.After.EffectiveEnd.ShouldBe(End.AddSeconds(180));
        extended.Try("bob", 20_00, End.AddSeconds(90)).Accepted.ShouldBeFalse(); // the extended end is exclusive too
    }

    [Fact]
    public void Extensions_stop_at_the_cap_and_the_capped_end_is_exclusive()
    {
        // Two people outbid each other a second before each end until the end stops moving.
        var auction = Auctions.Open();
        var bidders = new[] { "ann", "bob" };
        for (var i = 0; i < 100; i++)
        {
            var outcome = auction.Try(bidders[i % 2], AuctionBook.MinimumBid(auction), auction.EffectiveEnd.AddSeconds(-1));
            outcome.Accepted.ShouldBeTrue();
            auction = outcome.After;
            if (!outcome.Extended)
            {
                break;
            }
        }

        var cap = End.AddMinutes(10);
        auction.EffectiveEnd.ShouldBe(cap);

        var last = auction.Try(auction.LeaderId == "ann" ? "bob" : "ann", AuctionBook.MinimumBid(auction), cap.AddMilliseconds(-1));
        last.Accepted.ShouldBeTrue();
        last.Extended.ShouldBeFalse();
        last.After.Try("cat", AuctionBook.MinimumBid(last.After), cap).Accepted.ShouldBeFalse();
    }

    [Fact]
    public void A_bid_that_would_extend_past_the_cap_extends_only_to_the_cap()
    {
        var auction = Auctions.Open(Auctions.Terms(softClose: new SoftCloseRule(TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(30))));

        var outcome = auction.Try("ann", 10_00, End.AddSeconds(-10));

        outcome.After.EffectiveEnd.ShouldBe(End.AddSeconds(30));
    }

    [Fact]
    public void A_bid_before_the_window_does_not_extend()
    {
        var outcome = Auctions.Open().Try("ann", 10_00, End.AddMinutes(-2));

        outcome.Extended.ShouldBeFalse();
        outcome.After.EffectiveEnd.ShouldBe(End);
    }

    [Fact]
    public void A_zero_window_turns_soft_close_off()
    {
        var auction = Auctions.Open(Auctions.Terms(softClose: new SoftCloseRule(TimeSpan.Zero, TimeSpan.FromMinutes(10))));

        auction.Try("ann", 10_00, End.AddMilliseconds(-1)).Extended.ShouldBeFalse();
    }

    [Fact]
    public void A_leaders_raise_in_the_window_does_not_extend_when_the_price_stays()
    {
        var auction = Auctions.Open().Bid("ann", 50_00).Bid("bob", 20_00);

        var outcome = auction.Try("ann", 80_00, End.AddSeconds(-5));

        outcome.Accepted.ShouldBeTrue();
        outcome.Extended.ShouldBeFalse();
    }

    [Fact]
    public void The_auction_closes_at_its_effective_end_and_not_a_millisecond_before()
    {
        var extended = Auctions.Open().Bid("ann", 10_00, End.AddSeconds(-30));

        AuctionBook.Close(extended, End).ShouldBeNull();
        AuctionBook.Close(extended, extended.EffectiveEnd.AddMilliseconds(-1)).ShouldBeNull();
        AuctionBook.Close(extended, extended.EffectiveEnd)!.Sold.ShouldBeTrue();
    }
}
