using EcoBid.Domain.Auctions;

namespace EcoBid.Domain.Tests.Auctions;

public sealed class ReserveAndBuyNowTests
{
    private static readonly DateTimeOffset End = Auctions.T0.AddMinutes(10);

    [Fact]
    public void Below_the_reserve_the_leaders_maximum_shows_in_full()
    {
        var auction = Auctions.Open(Auctions.Terms(reserve: 100_00)).Bid("ann", 60_00);

        auction.Price.ShouldBe(60_00);
        auction.ReserveMet.ShouldBeFalse();
    }

    [Fact]
    public void A_maximum_equal_to_the_reserve_meets_it()
    {
        var auction = Auctions.Open(Auctions.Terms(reserve: 100_00)).Bid("ann", 100_00);

        auction.Price.ShouldBe(100_00);
        auction.ReserveMet.ShouldBeTrue();
        AuctionBook.Close(auction, End)!.Sold.ShouldBeTrue();
    }

    [Fact]
    public void A_maximum_above_the_reserve_shows_the_reserve_not_the_maximum()
    {
        var auction = Auctions.Open(Auctions.Terms(reserve: 100_00)).Bid("ann", 500_00);

        auction.Price.ShouldBe(100_00);
    }

    [Fact]
    public void One_cent_below_the_reserve_ends_unsold_with_the_reserve_unmet()
    {
        var auction = Auctions.Open(Auctions.Terms(reserve: 100_00)).Bid("ann", 99_99);

        var result = AuctionBook.Close(auction, End)!;

        result.Sold.ShouldBeFalse();
        result.ReserveUnmet.ShouldBeTrue();
        result.WinnerId.ShouldBeNull();
        result.Closed.Status.ShouldBe(AuctionStatus.Ended);
    }

    [Fact]
    public void With_no_bids_the_auction_ends_unsold()
    {
        var result = AuctionBook.Close(Auctions.Open(), End)!;

        result.Sold.ShouldBeFalse();
        result.ReserveUnmet.ShouldBeFalse();
    }

    [Fact]
    public void The_winner_pays_the_visible_price_not_their_maximum()
    {
        var auction = Auctions.Open().Bid("ann", 80_00).Bid("bob", 40_00);

        var result = AuctionBook.Close(auction, End)!;

        result.WinnerId.ShouldBe("ann");
        result.WinningBid.ShouldBe(41_00);
    }

    [Fact]
    public void A_closed_auction_does_not_close_twice()
    {
        var result = AuctionBook.Close(Auctions.Open(), End)!;

        AuctionBook.Close(result.Closed, End.AddHours(1)).ShouldBeNull();
        result.Closed.Try("ann", 50_00, End.AddMinutes(-5)).Refusal!.Message.ShouldContain("ended");
    }

    [Fact]
    public void Buy_now_before_any_bid_sells_at_once()
    {
        var at = Auctions.T0.AddMinutes(3);

        var outcome = AuctionBook.BuyNow(Auctions.Open(Auctions.Terms(buyNow: 13_00)), "ann", at);

        outcome.Accepted.ShouldBeTrue();
        outcome.After.EffectiveEnd.ShouldBe(at);
        var result = AuctionBook.Close(outcome.After, at)!;
        result.Sold.ShouldBeTrue();
        result.WinnerId.ShouldBe("ann");
        result.WinningBid.ShouldBe(13_00);
    }

    [Fact]
    public void Buy_now_disappears_after_the_first_bid_when_there_is_no_reserve()
    {
        var auction = Auctions.Open(Auctions.Terms(buyNow: 13_00)).Bid("ann", 10_00);

        AuctionBook.BuyNowOffered(auction, Auctions.T0.AddMinutes(2)).ShouldBeFalse();
        AuctionBook.BuyNow(auction, "bob", Auctions.T0.AddMinutes(2)).Refusal!.Reason.ShouldBe(BidRefusal.Kind.Conflict);
    }

    [Fact]
    public void Buy_now_stays_while_the_reserve_is_unmet_and_goes_once_it_is_met()
    {
        var auction = Auctions.Open(Auctions.Terms(reserve: 50_00, buyNow: 80_00)).Bid("ann", 30_00);
        AuctionBook.BuyNowOffered(auction, Auctions.T0.AddMinutes(2)).ShouldBeTrue();

        var bought = AuctionBook.BuyNow(auction, "bob", Auctions.T0.AddMinutes(2));
        bought.Accepted.ShouldBeTrue();
        AuctionBook.Close(bought.After, Auctions.T0.AddMinutes(2))!.WinnerId.ShouldBe("bob");

        var met = auction.Bid("cat", 50_00);
        AuctionBook.BuyNowOffered(met, Auctions.T0.AddMinutes(2)).ShouldBeFalse();
    }

    [Fact]
    public void The_seller_cannot_buy_now_and_nobody_can_after_the_end()
    {
        var auction = Auctions.Open(Auctions.Terms(buyNow: 13_00));

        AuctionBook.BuyNow(auction, "seller", Auctions.T0.AddMinutes(1)).Refusal!.Reason.ShouldBe(BidRefusal.Kind.NotAllowed);
        AuctionBook.BuyNow(auction, "ann", End).Refusal!.Reason.ShouldBe(BidRefusal.Kind.Conflict);
    }

    [Fact]
    public void The_seller_cancels_before_the_first_bid_and_never_after()
    {
        var auction = Auctions.Open();

        AuctionBook.CanCancel(auction, "seller", Auctions.T0.AddMinutes(1)).ShouldBeNull();
        AuctionBook.CanCancel(auction, "ann", Auctions.T0.AddMinutes(1))!.Reason.ShouldBe(BidRefusal.Kind.NotAllowed);
        AuctionBook.CanCancel(auction.Bid("ann", 10_00), "seller", Auctions.T0.AddMinutes(2))!.Reason.ShouldBe(BidRefusal.Kind.Conflict);
        AuctionBook.CanCancel(auction, "seller", End)!.Reason.ShouldBe(BidRefusal.Kind.Conflict);
    }
}
