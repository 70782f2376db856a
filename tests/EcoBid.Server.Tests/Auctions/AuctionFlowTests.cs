using System.Net;
using System.Net.Http.Json;
using EcoBid.Server.Tests.Infrastructure;

namespace EcoBid.Server.Tests.Auctions;

public sealed class AuctionFlowTests : IDisposable
{
    private readonly EcoBidApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task The_owner_auctions_an_item_and_its_end_timer_commits_with_it()
    {
        var (seller, sellerClient) = await _app.SignUpAsync();
        var itemId = await sellerClient.CreateItemAsync(Requests.Item(mode: "auction"));

        var response = await sellerClient.PostAsJsonAsync($"/items/{itemId}/auction", AuctionSteps.Terms(reservePrice: 50_00, buyNowPrice: 80_00));

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var auction = await response.ReadJsonAsync();
        auction.GetProperty("status").GetString().ShouldBe("open");
        auction.GetProperty("reservePrice").GetInt64().ShouldBe(50_00); // the seller sees their reserve
        auction.GetProperty("minimumBid").GetInt64().ShouldBe(10_00);
        auction.GetProperty("buyNowPrice").GetInt64().ShouldBe(80_00);
        auction.GetProperty("softClose").GetProperty("windowSeconds").GetInt64().ShouldBe(120);
        auction.GetProperty("softClose").GetProperty("maxExtensionSeconds").GetInt64().ShouldBe(600);
        auction.GetProperty("increments")[0].GetProperty("increment").GetInt64().ShouldBe(5);
        var auctionId = auction.GetProperty("auctionId").GetString()!;
        var endsAt = auction.GetProperty("endsAt").GetDateTimeOffset();
        (endsAt - auction.GetProperty("startsAt").GetDateTimeOffset()).ShouldBe(TimeSpan.FromHours(1));

        var timerDue = await _app.Database.UnixMillisAsync("SELECT due_at FROM timers WHERE key = @key", new { key = $"auction-end:{auctionId}" });
        timerDue.ShouldBe(endsAt.ToUnixTimeMilliseconds());
        var created = (await _app.Database.EventsAsync("AuctionCreated")).ShouldHaveSingleItem();
        created.GetProperty("sellerId").GetString().ShouldBe(seller.Id);

        var anonymous = await _app.CreateClient().AuctionOfAsync(itemId);
        anonymous.GetProperty("reservePrice").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        anonymous.GetProperty("hasReserve").GetBoolean().ShouldBeTrue();
        await (await sellerClient.PostAsJsonAsync($"/items/{itemId}/auction", AuctionSteps.Terms())).ShouldBeProblemAsync(409);
    }

    [Fact]
    public async Task Proxy_bids_show_the_price_to_all_and_each_maximum_only_to_its_bidder()
    {
        var (_, seller) = await _app.SignUpAsync();
        var (_, ann) = await _app.SignUpAsync();
        var (_, bob) = await _app.SignUpAsync();
        var itemId = await seller.AuctionItemAsync();

        var first = await ann.BidOkAsync(itemId, 50_00);
        first.GetProperty("currentPrice").GetInt64().ShouldBe(10_00);
        first.GetProperty("leading").GetBoolean().ShouldBeTrue();
        var second = await bob.BidOkAsync(itemId, 30_00);
        second.GetProperty("leading").GetBoolean().ShouldBeFalse(); // accepted, but Ann's maximum stands
        second.GetProperty("currentPrice").GetInt64().ShouldBe(31_00);

        var annView = await ann.AuctionOfAsync(itemId);
        annView.GetProperty("currentPrice").GetInt64().ShouldBe(31_00);
        annView.GetProperty("bidCount").GetInt32().ShouldBe(2);
        annView.GetProperty("yourMaximum").GetInt64().ShouldBe(50_00);
        annView.GetProperty("youLead").GetBoolean().ShouldBeTrue();
        annView.GetProperty("minimumBid").GetInt64().ShouldBe(32_00);
        var bobView = await bob.AuctionOfAsync(itemId);
        bobView.GetProperty("yourMaximum").GetInt64().ShouldBe(30_00);
        bobView.GetProperty("youLead").GetBoolean().ShouldBeFalse();
        (await seller.AuctionOfAsync(itemId)).GetProperty("yourMaximum").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);

        var tooLow = await (await bob.BidAsync(itemId, 31_50)).ShouldBeProblemAsync(409);
        tooLow.GetProperty("minimumAmount").GetInt64().ShouldBe(32_00);
        await (await seller.BidAsync(itemId, 99_00)).ShouldBeProblemAsync(403);

        (await _app.Database.EventsAsync("BidPlaced")).Count.ShouldBe(2);
    }

    [Fact]
    public async Task The_history_names_bidders_by_stable_aliases_and_shows_you_your_own_maximum()
    {
        var (_, seller) = await _app.SignUpAsync();
        var (_, ann) = await _app.SignUpAsync();
        var (_, bob) = await _app.SignUpAsync();
        var itemId = await seller.AuctionItemAsync();
        await ann.BidOkAsync(itemId, 20_00);
        await bob.BidOkAsync(itemId, 40_00);
        await ann.BidOkAsync(itemId, 60_00);

        var history = await (await bob.GetAsync($"/items/{itemId}/bids")).ReadJsonAsync();

        history.GetProperty("bidCount").GetInt32().ShouldBe(3);
        var bids = history.GetProperty("bids").EnumerateArray().ToList();
        bids.Select(b => b.GetProperty("bidder").GetString()).ShouldBe(["bidder 1", "bidder 2", "bidder 1"]);
        bids.Select(b => b.GetProperty("seq").GetInt32()).ShouldBe([3, 2, 1]);
        bids.Select(b => b.GetProperty("priceAfter").GetInt64()).ShouldBe([41_00, 20_50, 10_00]);
        bids.Select(b => b.GetProperty("you").GetBoolean()).ShouldBe([false, true, false]);
        bids[1].GetProperty("yourMaximum").GetInt64().ShouldBe(40_00);
        bids[0].GetProperty("yourMaximum").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        history.ToString().ShouldNotContain("60000");

        var page = await (await bob.GetAsync($"/items/{itemId}/bids?limit=2")).ReadJsonAsync();
        page.GetProperty("nextBefore").GetInt32().ShouldBe(2);
        var rest = await (await bob.GetAsync($"/items/{itemId}/bids?limit=2&before=2")).ReadJsonAsync();
        rest.GetProperty("bids").EnumerateArray().Single().GetProperty("seq").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task My_bids_list_each_auction_once_with_my_maximum_and_whether_I_lead()
    {
        var (_, seller) = await _app.SignUpAsync();
        var (_, ann) = await _app.SignUpAsync();
        var (_, bob) = await _app.SignUpAsync();
        var chair = await seller.AuctionItemAsync(title: "Oak chair");
        var lamp = await seller.AuctionItemAsync(title: "Brass lamp");
        await ann.BidOkAsync(chair, 20_00);
        await ann.BidOkAsync(chair, 25_00);
        await ann.BidOkAsync(lamp, 15_00);
        await bob.BidOkAsync(lamp, 30_00);

        var mine = (await (await ann.GetAsync("/users/me/bids")).ReadJsonAsync()).EnumerateArray().ToList();

        mine.Select(m => m.GetProperty("title").GetString()).ShouldBe(["Brass lamp", "Oak chair"]);
        mine[0].GetProperty("leading").GetBoolean().ShouldBeFalse();
        mine[1].GetProperty("leading").GetBoolean().ShouldBeTrue();
        mine[1].GetProperty("yourMaximum").GetInt64().ShouldBe(25_00);
        mine[1].GetProperty("yourBids").GetInt32().ShouldBe(2);
        (await (await _app.CreateClient().GetAsync("/users/me/bids")).Content.ReadAsStringAsync()).ShouldNotContain("Oak chair");
    }

    [Fact]
    public async Task Search_results_carry_the_auctions_effective_end()
    {
        var (_, seller) = await _app.SignUpAsync();
        var (_, ann) = await _app.SignUpAsync();
        var itemId = await seller.AuctionItemAsync(AuctionSteps.Terms(durationSeconds: 60, softClose: new { windowSeconds = 120 }), title: "Walnut sideboard");
        var extended = await ann.BidOkAsync(itemId, 10_00); // inside the 2-minute window of a 1-minute auction: extended

        extended.GetProperty("extended").GetBoolean().ShouldBeTrue();
        var effectiveEnd = extended.GetProperty("endsAt").GetDateTimeOffset();
        var found = await PollSearchAsync("walnut");
        found.GetProperty("auction").GetProperty("endsAt").GetDateTimeOffset().ShouldBe(effectiveEnd);
        found.GetProperty("auction").GetProperty("originalEndsAt").GetDateTimeOffset().ShouldBeLessThan(effectiveEnd);
    }

    private async Task<System.Text.Json.JsonElement> PollSearchAsync(string query)
    {
        var client = _app.CreateClient();
        for (var i = 0; i < 200; i++)
        {
            var results = (await (await client.GetAsync($"/items?q={query}")).ReadJsonAsync()).GetProperty("items");
            if (results.GetArrayLength() > 0)
            {
                return results[0];
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The item never showed in search.");
    }
}
