using System.Net.Http.Json;
using System.Text.Json;
using EcoBid.Server.Tests.Infrastructure;

namespace EcoBid.Server.Tests.Auctions;

public static class AuctionSteps
{
    public static object Terms(
        long startPrice = 10_00, long? reservePrice = null, long? buyNowPrice = null, long durationSeconds = 3600, object? softClose = null, object? increments = null) =>
        new { startPrice, reservePrice, buyNowPrice, currency = "PLN", durationSeconds, softClose, increments };

    /// <summary>Posts an item in auction mode and auctions it; returns the item id.</summary>
    public static async Task<string> AuctionItemAsync(this HttpClient seller, object? terms = null, string title = "Oak dining chair")
    {
        var itemId = await seller.CreateItemAsync(Requests.Item(title: title, mode: "auction"));
        var response = await seller.PostAsJsonAsync($"/items/{itemId}/auction", terms ?? Terms());
        response.EnsureSuccessStatusCode();
        return itemId;
    }

    public static Task<HttpResponseMessage> BidAsync(this HttpClient bidder, string itemId, long maxAmount, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/items/{itemId}/bids") { Content = JsonContent.Create(new { maxAmount }) };
        request.Headers.Add("Idempotency-Key", key ?? Guid.NewGuid().ToString());
        return bidder.SendAsync(request);
    }

    public static async Task<JsonElement> BidOkAsync(this HttpClient bidder, string itemId, long maxAmount)
    {
        var response = await bidder.BidAsync(itemId, maxAmount);
        response.EnsureSuccessStatusCode();
        return await response.ReadJsonAsync();
    }

    public static Task<HttpResponseMessage> BuyNowAsync(this HttpClient buyer, string itemId, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/items/{itemId}/buy-now");
        request.Headers.Add("Idempotency-Key", key ?? Guid.NewGuid().ToString());
        return buyer.SendAsync(request);
    }

    public static async Task<JsonElement> AuctionOfAsync(this HttpClient client, string itemId) =>
        (await (await client.GetAsync($"/items/{itemId}")).ReadJsonAsync()).GetProperty("auction");

    /// <summary>Events of a type, from the outbox and the archive, as their details.</summary>
    public static async Task<List<JsonElement>> EventsAsync(this EcoBid.Events.Storage.IEventDatabase database, string detailType)
    {
        var envelopes = await database.ReadAsync(connection => Dapper.SqlMapper.QueryAsync<string>(connection,
            PortableSql.For(connection, """
            SELECT envelope FROM (SELECT envelope FROM outbox UNION ALL SELECT envelope FROM event_archive) AS events
            WHERE json_extract(envelope, '$.detail-type') = @detailType
            """),
            new { detailType }));
        return [.. envelopes.Select(e => JsonDocument.Parse(e).RootElement.GetProperty("detail").Clone())];
    }
}
