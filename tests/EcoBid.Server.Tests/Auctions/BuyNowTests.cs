using System.Net;
using EcoBid.Server.Tests.Infrastructure;
using EcoBid.Server.Tests.Reservations;

namespace EcoBid.Server.Tests.Auctions;

public sealed class BuyNowTests : IDisposable
{
    private readonly EcoBidApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Buy_now_ends_the_auction_at_once_and_sells_to_the_buyer_at_that_price()
    {
        var (_, seller) = await _app.SignUpAsync();
        var (ann, annClient) = await _app.SignUpAsync();
        var (_, bob) = await _app.SignUpAsync();
        var itemId = await seller.AuctionItemAsync(AuctionSteps.Terms(buyNowPrice: 25_00));

        var response = await annClient.BuyNowAsync(itemId);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var bought = await response.ReadJsonAsync();
        bought.GetProperty("currentPrice").GetInt64().ShouldBe(25_00);
        bought.GetProperty("auctionStatus").GetString().ShouldBe("ended");
        var ended = (await _app.Database.EventsAsync("AuctionEnded")).ShouldHaveSingleItem();
        ended.GetProperty("winnerId").GetString().ShouldBe(ann.Id);
        ended.GetProperty("winningBid").GetInt64().ShouldBe(25_00);
        (await _app.Database.EventsAsync("AuctionWon")).ShouldHaveSingleItem().GetProperty("boughtNow").GetBoolean().ShouldBeTrue();
        (await annClient.StatusOfItemAsync(itemId)).ShouldBe("reserved");
        (await annClient.AuctionOfAsync(itemId)).GetProperty("status").GetString().ShouldBe("ended");
        (await _app.Database.CountAsync("SELECT COUNT(*) FROM timers WHERE key LIKE 'auction-end:%'")).ShouldBe(0);

        await (await bob.BidAsync(itemId, 30_00)).ShouldBeProblemAsync(409);
        await (await bob.BuyNowAsync(itemId)).ShouldBeProblemAsync(409);
    }

    [Fact]
    public async Task A_retried_buy_now_gets_the_same_answer()
    {
        var (_, seller) = await _app.SignUpAsync();
        var (_, ann) = await _app.SignUpAsync();
        var itemId = await seller.AuctionItemAsync(AuctionSteps.Terms(buyNowPrice: 25_00));

        (await ann.BuyNowAsync(itemId, "buy-1")).StatusCode.ShouldBe(HttpStatusCode.Created);
        var retry = await ann.BuyNowAsync(itemId, "buy-1");

        retry.StatusCode.ShouldBe(HttpStatusCode.Created);
        retry.Headers.Contains("Idempotent-Replayed").ShouldBeTrue();
        await (await ann.BuyNowAsync(itemId, "buy-2")).ShouldBeProblemAsync(409);
        (await _app.Database.EventsAsync("AuctionEnded")).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Buy_now_disappears_with_the_first_bid_when_there_is_no_reserve()
    {
        var (_, seller) = await _app.SignUpAsync();
        var (_, ann) = await _app.SignUpAsync();
        var (_, bob) = await _app.SignUpAsync();
        var itemId = await seller.AuctionItemAsync(AuctionSteps.Terms(buyNowPrice: 25_00));
        (await ann.AuctionOfAsync(itemId)).GetProperty("buyNowPrice").GetInt64().ShouldBe(25_00);

        await ann.BidOkAsync(itemId, 10_00);

        (await bob.AuctionOfAsync(itemId)).GetProperty("buyNowPrice").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        await (await bob.BuyNowAsync(itemId)).ShouldBeProblemAsync(409);
    }

    [Fact]
    public async Task Buy_now_stays_while_the_reserve_is_unmet()
    {
        var (_, seller) = await _app.SignUpAsync();
        var (ann, annClient) = await _app.SignUpAsync();
        var (bob, bobClient) = await _app.SignUpAsync();
        var itemId = await seller.AuctionItemAsync(AuctionSteps.Terms(reservePrice: 50_00, buyNowPrice: 60_00));
        await annClient.BidOkAsync(itemId, 20_00);

        (await bobClient.BuyNowAsync(itemId)).StatusCode.ShouldBe(HttpStatusCode.Created);

        (await _app.Database.EventsAsync("AuctionEnded")).ShouldHaveSingleItem().GetProperty("winnerId").GetString().ShouldBe(bob.Id);
        var lost = (await _app.Database.EventsAsync("AuctionLost")).ShouldHaveSingleItem();
        lost.GetProperty("bidderId").GetString().ShouldBe(ann.Id);
    }
}
