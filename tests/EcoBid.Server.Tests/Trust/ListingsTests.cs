using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EcoBid.Server.Tests.Auctions;
using EcoBid.Server.Tests.Infrastructure;
using EcoBid.Server.Tests.Notifications;
using EcoBid.Server.Tests.Reservations;
using EcoBid.Server.Tests.Search;

namespace EcoBid.Server.Tests.Trust;

public sealed class ListingsTests : IDisposable
{
    private readonly EcoBidApp _app = new EcoBidApp().With("Auctions:MinDuration", "00:00:01");

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_seller_sees_every_listing_by_status_and_others_see_only_what_is_public()
    {
        var (seller, sellerClient) = await _app.SignUpAsync();
        var (_, buyerClient) = await _app.SignUpAsync();
        var available = await sellerClient.CreateItemAsync(Requests.Item(title: "Chair"));
        var reserved = await sellerClient.CreateItemAsync(Requests.Item(title: "Table"));
        var withdrawn = await sellerClient.CreateItemAsync(Requests.Item(title: "Shelf"));
        var flagged = await sellerClient.CreateItemAsync(Requests.Item(title: "Stolen bike"));
        var unsold = await sellerClient.AuctionItemAsync(AuctionSteps.Terms(durationSeconds: 1), title: "Vase");
        await buyerClient.ReserveAsync(reserved);
        (await sellerClient.DeleteAsync($"/items/{withdrawn}")).EnsureSuccessStatusCode();
        await _app.WaitHandledAsync("Moderate", count: 6);
        await _app.WaitHandledAsync("EndAuction");

        (await IdsAsync(sellerClient, "/users/me/items")).ShouldBe([unsold, flagged, withdrawn, reserved, available]);
        (await IdsAsync(sellerClient, "/users/me/items?status=flagged")).ShouldBe([flagged]);
        (await IdsAsync(sellerClient, "/users/me/items?status=ended")).ShouldBe([unsold]);
        (await IdsAsync(sellerClient, "/users/me/items?status=reserved,withdrawn")).ShouldBe([withdrawn, reserved]);
        (await IdsAsync(buyerClient, $"/users/{seller.Id}/items")).ShouldBe([reserved, available]);
        (await IdsAsync(buyerClient, $"/users/{seller.Id}/items?status=reserved")).ShouldBe([reserved]);
        await (await buyerClient.GetAsync($"/users/{seller.Id}/items?status=withdrawn")).ShouldBeProblemAsync(400);
        await (await buyerClient.GetAsync("/users/nobody/items")).ShouldBeProblemAsync(404);

        var first = await (await sellerClient.GetAsync("/users/me/items?limit=2")).ReadJsonAsync();
        var rest = await (await sellerClient.GetAsync($"/users/me/items?limit=10&cursor={first.GetProperty("nextCursor").GetString()}")).ReadJsonAsync();
        rest.GetProperty("items").GetArrayLength().ShouldBe(3);
        await (await sellerClient.GetAsync("/users/me/items?cursor=abc")).ShouldBeProblemAsync(400);
        await (await sellerClient.GetAsync($"/items?sellerId={seller.Id}")).ShouldBeProblemAsync(400);
    }

    [Fact]
    public async Task Auction_pickups_do_not_count_toward_the_free_item_limit()
    {
        var (_, sellerClient) = await _app.SignUpAsync();
        var (_, winnerClient) = await _app.SignUpAsync();
        var auctions = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var itemId = await sellerClient.AuctionItemAsync(AuctionSteps.Terms(durationSeconds: 3, buyNowPrice: 50_00));
            (await winnerClient.BuyNowAsync(itemId)).EnsureSuccessStatusCode();
            auctions.Add(itemId);
        }

        (await _app.Database.CountAsync("SELECT COUNT(*) FROM reservations WHERE origin = 'auction' AND status = 'active'")).ShouldBe(3);
        for (var i = 0; i < 3; i++)
        {
            (await winnerClient.PostAsync($"/items/{await sellerClient.CreateItemAsync()}/reserve", null)).StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        var refused = await (await winnerClient.PostAsync($"/items/{await sellerClient.CreateItemAsync()}/reserve", null)).ShouldBeProblemAsync(409);
        refused.GetProperty("detail").GetString()!.ShouldContain("free-item limit");
        refused.GetProperty("detail").GetString()!.ShouldContain("auctions you won do not count");
    }

    [Fact]
    public async Task Reservations_and_conversations_carry_what_a_screen_shows_and_blocks_list_names()
    {
        var (seller, sellerClient) = await _app.SignUpAsync(displayName: "Giver Gina");
        var (buyer, buyerClient) = await _app.SignUpAsync(displayName: "Taker Tom");
        var itemId = await sellerClient.CreateItemAsync(Requests.Item(title: "Garden hose"));
        var reservationId = (await buyerClient.ReserveAsync(itemId)).GetProperty("id").GetString()!;

        var asBuyer = await (await buyerClient.GetAsync($"/reservations/{reservationId}")).ReadJsonAsync();
        asBuyer.GetProperty("item").GetProperty("title").GetString().ShouldBe("Garden hose");
        asBuyer.GetProperty("item").TryGetProperty("thumbnail", out _).ShouldBeTrue();
        asBuyer.GetProperty("otherParty").GetProperty("displayName").GetString().ShouldBe("Giver Gina");
        asBuyer.GetProperty("yourRole").GetString().ShouldBe("buyer");
        var asSeller = (await (await sellerClient.GetAsync("/users/me/reservations")).ReadJsonAsync())[0];
        asSeller.GetProperty("otherParty").GetProperty("displayName").GetString().ShouldBe("Taker Tom");

        var conversation = await (await buyerClient.PostAsJsonAsync($"/items/{itemId}/conversations", new { visibility = "private" })).ReadJsonAsync();
        var conversationId = conversation.GetProperty("id").GetString()!;
        (await buyerClient.PostAsJsonAsync($"/conversations/{conversationId}/messages", new { body = "When can I come?" })).EnsureSuccessStatusCode();
        await _app.WaitHandledAsync("SaveMessage");
        var listed = (await (await sellerClient.GetAsync("/conversations")).ReadJsonAsync())[0];
        listed.GetProperty("item").GetProperty("title").GetString().ShouldBe("Garden hose");
        listed.GetProperty("otherParty").GetProperty("displayName").GetString().ShouldBe("Taker Tom");
        listed.GetProperty("lastMessage").GetProperty("preview").GetString().ShouldBe("When can I come?");
        listed.GetProperty("lastMessage").GetProperty("senderName").GetString().ShouldBe("Taker Tom");

        (await sellerClient.PostAsync($"/users/{buyer.Id}/block", null)).EnsureSuccessStatusCode();
        var blocks = await (await sellerClient.GetAsync("/users/me/blocks")).ReadJsonAsync();
        blocks[0].GetProperty("userId").GetString().ShouldBe(buyer.Id);
        blocks[0].GetProperty("displayName").GetString().ShouldBe("Taker Tom");
        _ = seller;
    }

    [Fact]
    public async Task Search_finds_words_by_their_stem_and_shows_auction_as_null_on_items_without_one()
    {
        var (_, sellerClient) = await _app.SignUpAsync();
        // Indexed and moderated: a new item is searchable only once both handlers have run for its ItemCreated.
        var lamp = (await _app.PostSearchableAsync(sellerClient, Requests.Item(title: "Reading lamp")))[0];
        using var anonymous = _app.CreateClient();

        var found = await (await anonymous.GetAsync("/items?q=lamps")).ReadJsonAsync();
        found.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ShouldBe([lamp]);
        var near = await (await anonymous.GetAsync("/items?q=lamps&lat=52.2297&lon=21.0122&radiusKm=5")).ReadJsonAsync();
        near.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ShouldBe([lamp]);

        var hit = found.GetProperty("items")[0];
        hit.TryGetProperty("auction", out var inSearch).ShouldBeTrue();
        inSearch.ValueKind.ShouldBe(JsonValueKind.Null);
        (await (await anonymous.GetAsync($"/items/{lamp}")).ReadJsonAsync()).GetProperty("auction").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task An_auction_item_that_ended_is_not_listed_as_available()
    {
        var (_, sellerClient) = await _app.SignUpAsync();
        var (_, bidderClient) = await _app.SignUpAsync();
        var unsold = await sellerClient.AuctionItemAsync(AuctionSteps.Terms(durationSeconds: 1), title: "Unsold vase");
        var sold = await sellerClient.AuctionItemAsync(AuctionSteps.Terms(durationSeconds: 3, buyNowPrice: 20_00), title: "Sold vase");
        (await bidderClient.BuyNowAsync(sold)).EnsureSuccessStatusCode();
        await _app.WaitForAsync(a => a.Kind == EcoBid.Events.Monitoring.RuntimeActivityKind.Handled && a.Queue == "EndAuction");
        await _app.WaitHandledAsync("Index", count: 2);
        using var anonymous = _app.CreateClient();

        var listed = (await (await anonymous.GetAsync("/items?q=vase")).ReadJsonAsync()).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ToList();
        listed.ShouldNotContain(unsold);
        listed.ShouldNotContain(sold);
        (await anonymous.StatusOfItemAsync(unsold)).ShouldBe("ended");
        (await anonymous.StatusOfItemAsync(sold)).ShouldBe("reserved");
    }

    private static async Task<List<string?>> IdsAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync()).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ToList();
    }
}
