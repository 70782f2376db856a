using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EcoBid.Server.Tests.Infrastructure;
using EcoBid.Server.Tests.Reservations;

namespace EcoBid.Server.Tests.Disputes;

public sealed class DisputeFlowTests : IDisposable
{
    private readonly EcoBidApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task The_other_party_accepting_resolves_in_the_openers_favour()
    {
        var (sellerClient, buyerClient, reservationId) = await ReservedAsync();
        var opened = await OpenAsync(buyerClient, reservationId, "item_not_received", "Nobody was home at pickup time.");
        opened.GetProperty("status").GetString().ShouldBe("open");
        opened.GetProperty("openedBy").GetString().ShouldBe("buyer");
        (opened.GetProperty("respondBy").GetDateTimeOffset() - opened.GetProperty("openedAt").GetDateTimeOffset()).ShouldBe(TimeSpan.FromHours(24));
        (opened.GetProperty("expiresAt").GetDateTimeOffset() - opened.GetProperty("openedAt").GetDateTimeOffset()).ShouldBe(TimeSpan.FromDays(7));
        var id = opened.GetProperty("id").GetString()!;

        await WaitingForAnswerAsync(id);
        await (await buyerClient.PostAsJsonAsync($"/disputes/{id}/response", new { text = "me", accept = true })).ShouldBeProblemAsync(403);
        (await sellerClient.PostAsJsonAsync($"/disputes/{id}/response", new { text = "Sorry, I forgot.", accept = true })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var resolved = await ResolvedAsync(sellerClient, id);
        resolved.GetProperty("outcome").GetString().ShouldBe("buyer");
        resolved.GetProperty("resolvedBy").GetString().ShouldBe("automatic");
        resolved.GetProperty("responseText").GetString().ShouldBe("Sorry, I forgot.");
        resolved.GetProperty("executionArn").GetString().ShouldNotBeNullOrEmpty();
        (await _app.EventCountAsync("DisputeResolved")).ShouldBe(1);
        await Eventually.TrueAsync(async () => await _app.Database.CountAsync("SELECT COUNT(*) FROM notifications WHERE kind = 'dispute_resolved'") == 2, what: "both parties told");
        (await _app.Database.CountAsync("SELECT COUNT(*) FROM notifications WHERE kind = 'dispute_opened'")).ShouldBe(1);
    }

    [Fact]
    public async Task A_contested_dispute_goes_to_an_admin_who_decides_it()
    {
        var admin = await _app.AdminClientAsync();
        var (sellerClient, buyerClient, reservationId) = await ReservedAsync();
        var id = (await OpenAsync(sellerClient, reservationId, "other", "The buyer was rude.")).GetProperty("id").GetString()!;
        await WaitingForAnswerAsync(id);
        (await buyerClient.PostAsJsonAsync($"/disputes/{id}/response", new { text = "I was not.", accept = false })).StatusCode.ShouldBe(HttpStatusCode.OK);

        await Eventually.TrueAsync(async () => (await DisputeAsync(admin, id)).GetProperty("status").GetString() == "awaiting_admin", what: "escalated");
        await Eventually.TrueAsync(async () => await _app.Database.CountAsync("SELECT COUNT(*) FROM notifications WHERE kind = 'dispute_escalated'") >= 1, what: "admins told");
        (await (await admin.GetAsync("/admin/disputes?status=awaiting_admin")).ReadJsonAsync()).EnumerateArray().Any(d => d.GetProperty("id").GetString() == id).ShouldBeTrue();
        await (await sellerClient.PostAsJsonAsync($"/admin/disputes/{id}/resolve", new { outcome = "seller" })).ShouldBeProblemAsync(403);
        await (await admin.PostAsJsonAsync($"/admin/disputes/{id}/resolve", new { outcome = "nobody" })).ShouldBeProblemAsync(400);
        (await admin.PostAsJsonAsync($"/admin/disputes/{id}/resolve", new { outcome = "dismissed", note = "Word against word." })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var resolved = await ResolvedAsync(buyerClient, id);
        resolved.GetProperty("outcome").GetString().ShouldBe("dismissed");
        resolved.GetProperty("resolvedBy").GetString().ShouldBe("admin");
        resolved.GetProperty("adminNote").GetString().ShouldBe("Word against word.");
        await (await admin.PostAsJsonAsync($"/admin/disputes/{id}/resolve", new { outcome = "buyer" })).ShouldBeProblemAsync(409);
        (await _app.EventCountAsync("DisputeResolved")).ShouldBe(1);
    }

    [Theory]
    [InlineData("fraud", "text", 400)]
    [InlineData("no_show", "", 400)]
    [InlineData("no_show", "long", 400)]
    [InlineData("no_show", "stranger", 404)]
    public async Task Refused_openings_change_nothing(string type, string text, int status)
    {
        var (_, buyerClient, reservationId) = await ReservedAsync();
        var client = buyerClient;
        if (text == "stranger")
        {
            (_, client) = await _app.SignUpAsync();
        }

        var body = new { type, text = text == "long" ? new string('x', 2001) : text };
        await (await client.PostAsJsonAsync($"/reservations/{reservationId}/disputes", body)).ShouldBeProblemAsync(status);
        (await _app.EventCountAsync("DisputeOpened")).ShouldBe(0);
    }

    [Fact]
    public async Task A_second_dispute_on_the_same_reservation_conflicts()
    {
        var (sellerClient, buyerClient, reservationId) = await ReservedAsync();
        await OpenAsync(buyerClient, reservationId, "not_as_described", "Broken leg.");
        await (await sellerClient.PostAsJsonAsync($"/reservations/{reservationId}/disputes", new { type = "no_show", text = "Late." })).ShouldBeProblemAsync(409);
        (await _app.EventCountAsync("DisputeOpened")).ShouldBe(1);
    }

    private async Task<(HttpClient Seller, HttpClient Buyer, string ReservationId)> ReservedAsync()
    {
        var (_, sellerClient) = await _app.SignUpAsync();
        var (_, buyerClient) = await _app.SignUpAsync();
        var itemId = await sellerClient.CreateItemAsync();
        var reservationId = (await buyerClient.ReserveAsync(itemId)).GetProperty("id").GetString()!;
        return (sellerClient, buyerClient, reservationId);
    }

    private static async Task<JsonElement> OpenAsync(HttpClient client, string reservationId, string type, string text)
    {
        var response = await client.PostAsJsonAsync($"/reservations/{reservationId}/disputes", new { type, text });
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return await response.ReadJsonAsync();
    }

    private static async Task<JsonElement> DisputeAsync(HttpClient client, string id) => await (await client.GetAsync($"/disputes/{id}")).ReadJsonAsync();

    private Task WaitingForAnswerAsync(string id) => Eventually.TrueAsync(
        async () => await _app.Database.CountAsync("SELECT COUNT(*) FROM disputes WHERE id = @id AND response_token IS NOT NULL", new { id }) == 1, what: "the callback task");

    private static async Task<JsonElement> ResolvedAsync(HttpClient client, string id)
    {
        await Eventually.TrueAsync(async () => (await DisputeAsync(client, id)).GetProperty("status").GetString() == "resolved", what: "resolved");
        return await DisputeAsync(client, id);
    }
}
