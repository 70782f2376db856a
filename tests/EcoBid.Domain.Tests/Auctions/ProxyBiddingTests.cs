using CsCheck;
using EcoBid.Domain.Auctions;

namespace EcoBid.Domain.Tests.Auctions;

public sealed class ProxyBiddingTests
{
    [Fact]
    public void The_first_bid_is_at_least_the_start_price_and_shows_the_start_price()
    {
        var auction = Auctions.Open();

        var low = auction.Try("ann", 9_99);
        low.Refusal!.Reason.ShouldBe(BidRefusal.Kind.Conflict);
        low.Refusal.MinimumAmount.ShouldBe(10_00);

        var after = auction.Bid("ann", 50_00);
        after.Price.ShouldBe(10_00);
        after.LeaderId.ShouldBe("ann");
        after.LeaderMax.ShouldBe(50_00);
        after.BidCount.ShouldBe(1);
    }

    [Fact]
    public void A_lower_maximum_raises_the_price_to_it_plus_one_increment_and_the_leader_keeps_the_lead()
    {
        var auction = Auctions.Open().Bid("ann", 50_00).Bid("bob", 20_00);

        auction.LeaderId.ShouldBe("ann");
        auction.Price.ShouldBe(20_50); // 20.00 plus the 0.50 increment of the 5.00–24.99 step
        auction.RunnerUpMax.ShouldBe(20_00);
    }

    [Fact]
    public void The_price_never_goes_above_the_leaders_maximum()
    {
        var auction = Auctions.Open().Bid("ann", 20_25).Bid("bob", 20_00);

        auction.LeaderId.ShouldBe("ann");
        auction.Price.ShouldBe(20_25);
    }

    [Fact]
    public void A_higher_maximum_takes_the_lead_one_increment_above_the_old_leaders_maximum()
    {
        var auction = Auctions.Open().Bid("ann", 30_00).Bid("bob", 80_00);

        auction.LeaderId.ShouldBe("bob");
        auction.Price.ShouldBe(31_00); // 30.00 plus the 1.00 increment of the 25.00–99.99 step
        auction.RunnerUpMax.ShouldBe(30_00);
    }

    [Fact]
    public void On_equal_maxima_the_earlier_bid_leads_at_that_maximum()
    {
        var auction = Auctions.Open().Bid("ann", 30_00).Bid("bob", 30_00);

        auction.LeaderId.ShouldBe("ann");
        auction.Price.ShouldBe(30_00);
    }

    [Fact]
    public void A_bid_below_the_price_plus_one_increment_is_refused_with_the_least_acceptable_bid()
    {
        var auction = Auctions.Open().Bid("ann", 50_00).Bid("bob", 20_00); // price 20.50

        var outcome = auction.Try("cat", 20_99);

        outcome.Accepted.ShouldBeFalse();
        outcome.Refusal!.MinimumAmount.ShouldBe(21_00);
        outcome.After.ShouldBeSameAs(auction);
        auction.Try("cat", 21_00).Accepted.ShouldBeTrue();
    }

    [Fact]
    public void The_leader_raising_their_maximum_leaves_the_price_and_the_end_alone()
    {
        var auction = Auctions.Open().Bid("ann", 30_00).Bid("bob", 20_00);

        var outcome = auction.Try("ann", 90_00, Auctions.T0.AddMinutes(9.5));

        outcome.Accepted.ShouldBeTrue();
        outcome.After.LeaderMax.ShouldBe(90_00);
        outcome.After.Price.ShouldBe(auction.Price);
        outcome.Extended.ShouldBeFalse();
        outcome.After.BidCount.ShouldBe(3);
    }

    [Fact]
    public void The_leader_cannot_lower_or_repeat_their_maximum()
    {
        var auction = Auctions.Open().Bid("ann", 30_00);

        var outcome = auction.Try("ann", 30_00);

        outcome.Refusal!.Reason.ShouldBe(BidRefusal.Kind.Conflict);
        outcome.Refusal.MinimumAmount.ShouldBe(30_01);
    }

    [Fact]
    public void The_seller_cannot_bid()
    {
        var outcome = Auctions.Open().Try("seller", 50_00);

        outcome.Refusal!.Reason.ShouldBe(BidRefusal.Kind.NotAllowed);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-5L)]
    [InlineData(AuctionLimits.MaxAmount + 1)]
    public void A_maximum_outside_the_limits_is_invalid(long max) =>
        Auctions.Open().Try("ann", max).Refusal!.Reason.ShouldBe(BidRefusal.Kind.Invalid);

    [Theory]
    [InlineData(0L, 5L)]
    [InlineData(99L, 5L)]
    [InlineData(1_00L, 25L)]
    [InlineData(4_99L, 25L)]
    [InlineData(5_00L, 50L)]
    [InlineData(99_99L, 1_00L)]
    [InlineData(100_00L, 2_50L)]
    [InlineData(4_999_99L, 50_00L)]
    [InlineData(5_000_00L, 100_00L)]
    [InlineData(AuctionLimits.MaxAmount, 100_00L)]
    public void The_default_increment_table_steps_at_the_documented_prices(long price, long increment) =>
        IncrementTable.Default.At(price).ShouldBe(increment);

    /// <summary>
    /// Invariant 3 on generated bid sequences (eight bidders, each maximum at or above the minimum bid, with or without
    /// a reserve): the leader is the highest maximum, the earliest on a tie; the price is what the two best maxima of
    /// different bidders give; the price never falls; every bid at or above the minimum is accepted and counted. A
    /// failing sequence shrinks to the shortest one with the smallest bids.
    /// </summary>
    [Fact]
    public void Generated_sequences_keep_the_highest_earliest_maximum_in_the_lead()
    {
        var bid = Gen.Select(Gen.Int[0, 7], Gen.Int[0, 2], Gen.Int[1, 2_999]);
        Gen.Select(Gen.Bool, bid.Array[1, 400]).Sample((withReserve, bids) =>
        {
            var auction = Auctions.Open(Auctions.Terms(reserve: withReserve ? 200_00 : null));
            var best = new Dictionary<string, (long Max, int Order)>();
            for (var i = 0; i < bids.Length; i++)
            {
                var (who, steps, step) = bids[i];
                var bidder = $"b{who}";
                var max = AuctionBook.MinimumBid(auction) + (steps * step);
                var outcome = auction.Try(bidder, max, Auctions.T0.AddSeconds(1 + i));
                if (!outcome.Accepted)
                {
                    // Only the leader may be refused at or above the minimum: for not raising their own maximum.
                    bidder.ShouldBe(auction.LeaderId);
                    max.ShouldBeLessThanOrEqualTo(auction.LeaderMax!.Value);
                    continue;
                }

                if (bidder != auction.LeaderId)
                {
                    outcome.PriceRaised.ShouldBeTrue();
                }

                outcome.After.Price!.Value.ShouldBeGreaterThanOrEqualTo(auction.Price ?? 0);
                outcome.After.BidCount.ShouldBe(auction.BidCount + 1);
                best[bidder] = (max, best.TryGetValue(bidder, out var b) && b.Max == max ? b.Order : i);
                auction = outcome.After;

                var ranked = best.OrderByDescending(e => e.Value.Max).ThenBy(e => e.Value.Order).ToList();
                auction.LeaderId.ShouldBe(ranked[0].Key);
                auction.Price.ShouldBe(AuctionBook.PriceFor(auction.Terms, ranked[0].Value.Max, ranked.Count > 1 ? ranked[1].Value.Max : null));
            }
        }, iter: 1_000);
    }
}
