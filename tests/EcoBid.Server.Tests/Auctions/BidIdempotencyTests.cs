using System.Net;
using EcoBid.Server.Tests.Infrastructure;

namespace EcoBid.Server.Tests.Auctions;

/// <summary>A retried bid (same person, same Idempotency-Key) is answered from the first, and never bids twice.</summary>
public sealed class BidIdempotencyTests : IDisposable
{
    private readonly EcoBidApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_retry_gets_the_first_answer_and_places_no_second_bid()
    {
        var (_, seller) = await _app.SignUpAsync();
        var (_, ann) = await _app.SignUpAsync();
        var itemId = await seller.AuctionItemAsync();

        var first = await ann.BidAsync(itemId, 20_00, "retry-1");
        var retry = await ann.BidAsync(itemId, 20_00, "retry-1");

        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        retry.StatusCode.ShouldBe(HttpStatusCode.Created);
        retry.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        (await retry.ReadJsonAsync()).GetProperty("bidId").GetString().ShouldBe((await first.ReadJsonAsync()).GetProperty("bidId").GetString());
        (await ann.AuctionOfAsync(itemId)).GetProperty("bidCount").GetInt32().ShouldBe(1);
        (await _app.Database.EventsAsync("BidPlaced")).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Concurrent_retries_with_one_key_place_one_bid()
    {
        var (_, seller) = await _app.SignUpAsync();
        var (_, ann) = await _app.SignUpAsync();
        var itemId = await seller.AuctionItemAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => ann.BidAsync(itemId, 20_00, "double-click")));

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Created);
        var ids = await Task.WhenAll(responses.Select(async r => (await r.ReadJsonAsync()).GetProperty("bidId").GetString()));
        ids.Distinct().Count().ShouldBe(1);
        (await _app.Database.CountAsync("SELECT COUNT(*) FROM bids")).ShouldBe(1);
    }

    [Fact]
    public async Task A_key_reused_for_another_amount_is_a_422_naming_the_header()
    {
        var (_, seller) = await _app.SignUpAsync();
        var (_, ann) = await _app.SignUpAsync();
        var itemId = await seller.AuctionItemAsync();
        (await ann.BidAsync(itemId, 20_00, "reused")).EnsureSuccessStatusCode();

        var problem = await (await ann.BidAsync(itemId, 30_00, "reused")).ShouldBeProblemAsync(422);

        problem.ErrorFields().ShouldContain("idempotency-key");
        (await _app.Database.CountAsync("SELECT COUNT(*) FROM bids")).ShouldBe(1);
    }

    [Fact]
    public async Task Keys_belong_to_their_user()
    {
        var (_, seller) = await _app.SignUpAsync();
        var (_, ann) = await _app.SignUpAsync();
        var (_, bob) = await _app.SignUpAsync();
        var itemId = await seller.AuctionItemAsync();

        (await ann.BidAsync(itemId, 20_00, "same-key")).EnsureSuccessStatusCode();
        var bobs = await bob.BidAsync(itemId, 30_00, "same-key");

        bobs.StatusCode.ShouldBe(HttpStatusCode.Created);
        bobs.Headers.Contains("Idempotent-Replayed").ShouldBeFalse();
        (await _app.Database.CountAsync("SELECT COUNT(*) FROM bids")).ShouldBe(2);
    }

    [Fact]
    public async Task A_refused_bid_is_not_remembered_so_its_key_can_be_used_again()
    {
        var (_, seller) = await _app.SignUpAsync();
        var (_, ann) = await _app.SignUpAsync();
        var itemId = await seller.AuctionItemAsync();

        await (await ann.BidAsync(itemId, 5_00, "try")).ShouldBeProblemAsync(409);
        (await ann.BidAsync(itemId, 15_00, "try")).StatusCode.ShouldBe(HttpStatusCode.Created);
    }
}
