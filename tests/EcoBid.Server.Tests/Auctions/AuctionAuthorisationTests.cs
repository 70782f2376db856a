using System.Net;
using System.Net.Http.Json;
using EcoBid.Server.Tests.Infrastructure;

namespace EcoBid.Server.Tests.Auctions;

/// <summary>Object-level authorisation: only the owner auctions or cancels; nobody bids on their own item.</summary>
public sealed class AuctionAuthorisationTests : IDisposable
{
    private readonly EcoBidApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Only_the_owner_auctions_an_item_and_only_an_item_in_auction_mode()
    {
        var (_, owner) = await _app.SignUpAsync();
        var (_, other) = await _app.SignUpAsync();
        var itemId = await owner.CreateItemAsync(Requests.Item(mode: "auction"));
        var free = await owner.CreateItemAsync();

        await (await other.PostAsJsonAsync($"/items/{itemId}/auction", AuctionSteps.Terms())).ShouldBeProblemAsync(403);
        await (await owner.PostAsJsonAsync($"/items/{free}/auction", AuctionSteps.Terms())).ShouldBeProblemAsync(409);
        await (await owner.PostAsJsonAsync("/items/nope/auction", AuctionSteps.Terms())).ShouldBeProblemAsync(404);
        (await _app.CreateClient().PostAsJsonAsync($"/items/{itemId}/auction", AuctionSteps.Terms())).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await _app.Database.CountAsync("SELECT COUNT(*) FROM auctions")).ShouldBe(0);
    }

    [Fact]
    public async Task Nobody_bids_or_buys_on_their_own_auction_and_anonymous_bids_are_refused()
    {
        var (_, owner) = await _app.SignUpAsync();
        var itemId = await owner.AuctionItemAsync(AuctionSteps.Terms(buyNowPrice: 20_00));

        await (await owner.BidAsync(itemId, 50_00)).ShouldBeProblemAsync(403);
        await (await owner.BuyNowAsync(itemId)).ShouldBeProblemAsync(403);
        (await _app.CreateClient().BidAsync(itemId, 50_00)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await _app.Database.CountAsync("SELECT COUNT(*) FROM bids")).ShouldBe(0);
    }

    [Fact]
    public async Task Only_the_owner_cancels_and_only_before_the_first_bid()
    {
        var (_, owner) = await _app.SignUpAsync();
        var (_, bidder) = await _app.SignUpAsync();
        var quiet = await owner.AuctionItemAsync();
        var busy = await owner.AuctionItemAsync();
        await bidder.BidOkAsync(busy, 10_00);

        await (await bidder.DeleteAsync($"/items/{quiet}/auction")).ShouldBeProblemAsync(403);
        await (await owner.DeleteAsync($"/items/{busy}/auction")).ShouldBeProblemAsync(409);
        (await owner.DeleteAsync($"/items/{quiet}/auction")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await owner.AuctionOfAsync(quiet)).GetProperty("status").GetString().ShouldBe("cancelled");
        await (await bidder.BidAsync(quiet, 10_00)).ShouldBeProblemAsync(409);
        (await _app.Database.EventsAsync("AuctionCancelled")).Count.ShouldBe(1);
        (await _app.Database.CountAsync("SELECT COUNT(*) FROM timers WHERE key LIKE 'auction-end:%'")).ShouldBe(1);
    }

    [Fact]
    public async Task An_item_with_bids_can_be_neither_withdrawn_nor_changed_and_one_without_takes_its_auction_with_it()
    {
        var (_, owner) = await _app.SignUpAsync();
        var (_, bidder) = await _app.SignUpAsync();
        var busy = await owner.AuctionItemAsync();
        var quiet = await owner.AuctionItemAsync();
        await bidder.BidOkAsync(busy, 10_00);

        await (await owner.DeleteAsync($"/items/{busy}")).ShouldBeProblemAsync(409);
        await (await owner.PutAsJsonAsync($"/items/{busy}", new { title = "Something else entirely" })).ShouldBeProblemAsync(409);
        (await owner.DeleteAsync($"/items/{quiet}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await owner.AuctionOfAsync(quiet)).GetProperty("status").GetString().ShouldBe("cancelled");
        (await owner.AuctionOfAsync(busy)).GetProperty("status").GetString().ShouldBe("open");
    }
}
