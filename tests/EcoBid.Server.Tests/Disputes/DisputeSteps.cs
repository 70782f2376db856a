using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using EcoBid.Server.Disputes;
using EcoBid.Server.Tests.Infrastructure;
using EcoBid.Server.Tests.Reservations;

namespace EcoBid.Server.Tests.Disputes;

/// <summary>A reservation between two new people, a dispute opened on it, and the dispute row as the server keeps it.</summary>
public static class DisputeSteps
{
    public static async Task<Reserved> ReservedAsync(this EcoBidApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var (seller, sellerClient) = await app.SignUpAsync();
        var (buyer, buyerClient) = await app.SignUpAsync();
        var itemId = await sellerClient.CreateItemAsync();
        var reservationId = (await buyerClient.ReserveAsync(itemId)).GetProperty("id").GetString()!;
        return new Reserved(seller, sellerClient, buyer, buyerClient, reservationId);
    }

    /// <summary>Opens a dispute and returns its id once the state machine waits for the other party's answer.</summary>
    public static async Task<string> OpenDisputeAsync(this EcoBidApp app, HttpClient opener, string reservationId, string type, string text = "It did not go as agreed.")
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(opener);
        var response = await opener.PostAsJsonAsync($"/reservations/{reservationId}/disputes", new { type, text });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var id = (await response.ReadJsonAsync()).GetProperty("id").GetString()!;
        await Eventually.TrueAsync(async () => (await app.DisputeAsync(id)).ResponseToken is not null, what: "the dispute waits for an answer");
        return id;
    }

    public static async Task<DisputeRecord> DisputeAsync(this EcoBidApp app, string id)
    {
        ArgumentNullException.ThrowIfNull(app);
        return await app.Database.ReadAsync(c => DisputeStore.FindAsync(c, id)) ?? throw new InvalidOperationException($"No dispute {id}.");
    }

    public static async Task<DisputeRecord> DisputeInStatusAsync(this EcoBidApp app, string id, string status, double seconds = 15)
    {
        await Eventually.TrueAsync(async () => (await app.DisputeAsync(id)).Status == status, seconds, $"dispute {id} {status}");
        return await app.DisputeAsync(id);
    }

    public static Task<long> NoShowsAsync(this EcoBidApp app, string userId)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Database.CountAsync("SELECT no_shows FROM users WHERE id = @userId", new { userId });
    }

    /// <summary>Who was told of the dispute's outcome, by user id, in order.</summary>
    public static async Task<IReadOnlyList<string>> ToldOfResolutionAsync(this EcoBidApp app, string disputeId)
    {
        ArgumentNullException.ThrowIfNull(app);
        return (await app.Database.ReadAsync(c => c.QueryAsync<string>(
            PortableSql.For(c, "SELECT user_id FROM notifications WHERE kind = 'dispute_resolved' AND json_extract(data, '$.disputeId') = @disputeId ORDER BY user_id"),
            new { disputeId }))).AsList();
    }

    public static Task<HttpResponseMessage> AnswerAsync(this HttpClient client, string disputeId, bool accept, string text = "My side of it.") =>
        client.PostAsJsonAsync($"/disputes/{disputeId}/response", new { text, accept });

    public static async Task<JsonElement> GetDisputeAsync(this HttpClient client, string disputeId) =>
        await (await client.GetAsync($"/disputes/{disputeId}")).ReadJsonAsync();
}

/// <summary>The two parties of an active reservation.</summary>
public sealed record Reserved(TestUser Seller, HttpClient SellerClient, TestUser Buyer, HttpClient BuyerClient, string ReservationId);
