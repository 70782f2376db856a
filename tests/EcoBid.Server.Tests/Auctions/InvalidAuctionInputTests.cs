using System.Net.Http.Json;
using System.Text;
using EcoBid.Server.Tests.Infrastructure;

namespace EcoBid.Server.Tests.Auctions;

/// <summary>Hostile or broken input gets a 4xx problem+json naming the field, never a 5xx, and changes nothing.</summary>
public sealed class InvalidAuctionInputTests : IDisposable
{
    private readonly EcoBidApp _app = new();

    public void Dispose() => _app.Dispose();

    public static TheoryData<string, string> InvalidTerms => new()
    {
        { """{"currency":"PLN","durationSeconds":3600}""", "startPrice" },
        { """{"startPrice":0,"currency":"PLN","durationSeconds":3600}""", "startPrice" },
        { """{"startPrice":-100,"currency":"PLN","durationSeconds":3600}""", "startPrice" },
        { """{"startPrice":10.5,"currency":"PLN","durationSeconds":3600}""", "startPrice" },
        { """{"startPrice":"1000","currency":"PLN","durationSeconds":3600}""", "startPrice" },
        { """{"startPrice":1e30,"currency":"PLN","durationSeconds":3600}""", "startPrice" },
        { """{"startPrice":99999999999999,"currency":"PLN","durationSeconds":3600}""", "startPrice" },
        { """{"startPrice":1000,"reservePrice":999,"currency":"PLN","durationSeconds":3600}""", "reservePrice" },
        { """{"startPrice":1000,"buyNowPrice":1299,"currency":"PLN","durationSeconds":3600}""", "buyNowPrice" },
        { """{"startPrice":1000,"currency":"BTC","durationSeconds":3600}""", "currency" },
        { """{"startPrice":1000,"currency":"PLN","durationSeconds":59}""", "durationSeconds" },
        { """{"startPrice":1000,"currency":"PLN","durationSeconds":604801}""", "durationSeconds" },
        { """{"startPrice":1000,"currency":"PLN"}""", "durationSeconds" },
        { """{"startPrice":1000,"currency":"PLN","durationSeconds":3600,"increments":[]}""", "increments" },
        { """{"startPrice":1000,"currency":"PLN","durationSeconds":3600,"increments":[{"from":5,"increment":1}]}""", "increments[0].from" },
        { """{"startPrice":1000,"currency":"PLN","durationSeconds":3600,"increments":[{"from":0,"increment":0}]}""", "increments[0].increment" },
        { """{"startPrice":1000,"currency":"PLN","durationSeconds":3600,"increments":"cheap"}""", "increments" },
        { """{"startPrice":1000,"currency":"PLN","durationSeconds":3600,"softClose":{"windowSeconds":-1}}""", "softClose.windowSeconds" },
        { """{"startPrice":1000,"currency":"PLN","durationSeconds":3600,"softClose":{"maxExtensionSeconds":99999999}}""", "softClose.maxExtensionSeconds" },
        { """{"startPrice":1000,""", "body" },
        { "[]", "body" },
        { "null", "body" },
    };

    public static TheoryData<string, string> InvalidBids => new()
    {
        { "{}", "maxAmount" },
        { """{"maxAmount":0}""", "maxAmount" },
        { """{"maxAmount":-5}""", "maxAmount" },
        { """{"maxAmount":12.5}""", "maxAmount" },
        { """{"maxAmount":"1500"}""", "maxAmount" },
        { """{"maxAmount":1e400}""", "maxAmount" },
        { """{"maxAmount":10000000001}""", "maxAmount" },
        { """{"maxAmount":[1]}""", "maxAmount" },
        { """{"maxAmount":""", "maxAmount" },
        { "null", "body" },
    };

    [Theory]
    [MemberData(nameof(InvalidTerms))]
    public async Task Invalid_auction_terms_are_a_400_naming_the_field_and_store_nothing(string body, string field)
    {
        var (_, seller) = await _app.SignUpAsync();
        var itemId = await seller.CreateItemAsync(Requests.Item(mode: "auction"));
        var before = await OutboxAndArchiveAsync();

        var response = await seller.PostAsync($"/items/{itemId}/auction", new StringContent(body, Encoding.UTF8, "application/json"));

        var problem = await response.ShouldBeProblemAsync(400);
        problem.ErrorFields().ShouldContain(field, $"{body} → {problem}");
        (await _app.Database.CountAsync("SELECT COUNT(*) FROM auctions")).ShouldBe(0);
        (await OutboxAndArchiveAsync()).ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(InvalidBids))]
    public async Task Invalid_bids_are_a_400_naming_the_field_and_store_nothing(string body, string field)
    {
        var (_, seller) = await _app.SignUpAsync();
        var (_, bidder) = await _app.SignUpAsync();
        var itemId = await seller.AuctionItemAsync();
        var before = await OutboxAndArchiveAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, $"/items/{itemId}/bids") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());

        var problem = await (await bidder.SendAsync(request)).ShouldBeProblemAsync(400);

        problem.ErrorFields().ShouldContain(field, $"{body} → {problem}");
        await ShouldHaveNoBidsAsync(before);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("has spaces in it")]
    [InlineData("ünïcode")]
    public async Task A_bid_without_a_usable_idempotency_key_is_a_400_naming_the_header(string? key)
    {
        var (_, seller) = await _app.SignUpAsync();
        var (_, bidder) = await _app.SignUpAsync();
        var itemId = await seller.AuctionItemAsync();
        var before = await OutboxAndArchiveAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, $"/items/{itemId}/bids") { Content = JsonContent.Create(new { maxAmount = 20_00 }) };
        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        }

        var problem = await (await bidder.SendAsync(request)).ShouldBeProblemAsync(400);

        problem.ErrorFields().ShouldContain("idempotency-key");
        await ShouldHaveNoBidsAsync(before);
    }

    [Fact]
    public async Task An_overlong_idempotency_key_is_a_400()
    {
        var (_, seller) = await _app.SignUpAsync();
        var (_, bidder) = await _app.SignUpAsync();
        var itemId = await seller.AuctionItemAsync();

        var problem = await (await bidder.BidAsync(itemId, 20_00, new string('k', 101))).ShouldBeProblemAsync(400);

        problem.ErrorFields().ShouldContain("idempotency-key");
    }

    [Fact]
    public async Task Bidding_where_there_is_no_auction_is_a_404_or_409_that_says_why()
    {
        var (_, seller) = await _app.SignUpAsync();
        var (_, bidder) = await _app.SignUpAsync();
        var free = await seller.CreateItemAsync();
        var notYet = await seller.CreateItemAsync(Requests.Item(mode: "auction"));

        await (await bidder.BidAsync("no-such-item", 20_00)).ShouldBeProblemAsync(404);
        (await (await bidder.BidAsync(free, 20_00)).ShouldBeProblemAsync(409)).GetProperty("detail").GetString()!.ShouldContain("reserve");
        (await (await bidder.BidAsync(notYet, 20_00)).ShouldBeProblemAsync(409)).GetProperty("detail").GetString()!.ShouldContain("no auction");
        await (await bidder.GetAsync($"/items/{free}/bids")).ShouldBeProblemAsync(404);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=501", "limit")]
    [InlineData("limit=abc", "limit")]
    [InlineData("before=0", "before")]
    public async Task A_bad_history_query_is_a_400_naming_the_parameter(string query, string field)
    {
        var (_, seller) = await _app.SignUpAsync();
        var itemId = await seller.AuctionItemAsync();

        var response = await _app.CreateClient().GetAsync($"/items/{itemId}/bids?{query}");

        ((int)response.StatusCode).ShouldBe(400);
        (await response.Content.ReadAsStringAsync()).ShouldContain(field);
    }

    private Task<long> OutboxAndArchiveAsync() =>
        _app.Database.CountAsync("SELECT (SELECT COUNT(*) FROM outbox) + (SELECT COUNT(*) FROM event_archive)");

    private async Task ShouldHaveNoBidsAsync(long eventsBefore)
    {
        (await _app.Database.CountAsync("SELECT COUNT(*) FROM bids")).ShouldBe(0);
        (await _app.Database.CountAsync("SELECT COUNT(*) FROM auction_requests")).ShouldBe(0);
        (await _app.Database.CountAsync("SELECT bid_count FROM auctions")).ShouldBe(0);
        (await OutboxAndArchiveAsync()).ShouldBe(eventsBefore);
    }
}
