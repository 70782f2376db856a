using System.Net;
using System.Net.Http.Json;
using EcoBid.Events.Monitoring;
using EcoBid.Server.Tests.Infrastructure;

namespace EcoBid.Server.Tests.Reservations;

public sealed class ReservationFlowTests : IDisposable
{
    private readonly EcoBidApp _app = new EcoBidApp().With("Reservations:RatingRevealAfter", "00:00:01");

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Reserve_confirm_complete_and_rate_each_other()
    {
        var (seller, sellerClient) = await _app.SignUpAsync(displayName: "Giver");
        var (buyer, buyerClient) = await _app.SignUpAsync(displayName: "Taker");
        var itemId = await sellerClient.CreateItemAsync(Requests.Item(title: "Bookshelf"));

        var reservation = await buyerClient.ReserveAsync(itemId);
        var reservationId = reservation.GetProperty("id").GetString()!;
        reservation.GetProperty("status").GetString().ShouldBe("active");
        reservation.GetProperty("buyerId").GetString().ShouldBe(buyer.Id);
        reservation.GetProperty("sellerId").GetString().ShouldBe(seller.Id);
        (reservation.GetProperty("expiresAt").GetDateTimeOffset() - reservation.GetProperty("reservedAt").GetDateTimeOffset()).ShouldBe(TimeSpan.FromHours(24));
        (await buyerClient.StatusOfItemAsync(itemId)).ShouldBe("reserved");

        await (await buyerClient.ActAsync(reservationId, "confirm")).ShouldBeProblemAsync(403);
        (await sellerClient.ActAsync(reservationId, "confirm")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await buyerClient.ActAsync(reservationId, "ratings", new { score = 5, comment = "early" })).ShouldBeProblemAsync(409);

        var buyerSide = await (await buyerClient.ActAsync(reservationId, "complete")).ReadJsonAsync();
        buyerSide.GetProperty("status").GetString().ShouldBe("confirmed");
        buyerSide.GetProperty("buyerConfirmedPickup").GetBoolean().ShouldBeTrue();
        var done = await (await sellerClient.ActAsync(reservationId, "complete")).ReadJsonAsync();
        done.GetProperty("status").GetString().ShouldBe("completed");
        (await buyerClient.StatusOfItemAsync(itemId)).ShouldBe("picked_up");

        // The first rating stays hidden; the second reveals both.
        (await buyerClient.ActAsync(reservationId, "ratings", new { score = 5, comment = "Lovely shelf, kind giver" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await (await buyerClient.GetAsync($"/users/{seller.Id}/ratings")).ReadJsonAsync()).GetArrayLength().ShouldBe(0);
        await (await buyerClient.ActAsync(reservationId, "ratings", new { score = 4, comment = "again" })).ShouldBeProblemAsync(409);
        (await sellerClient.ActAsync(reservationId, "ratings", new { score = 3, comment = "Came late" })).StatusCode.ShouldBe(HttpStatusCode.Created);

        await _app.WaitForAsync(a => a.Kind == RuntimeActivityKind.Handled && a.Queue == "UpdateProfileRatings", count: 2);
        var sellerProfile = await (await buyerClient.GetAsync($"/users/{seller.Id}")).ReadJsonAsync();
        sellerProfile.GetProperty("ratingAverage").GetDouble().ShouldBe(5);
        sellerProfile.GetProperty("ratingCount").GetInt64().ShouldBe(1);
        sellerProfile.GetProperty("completedPickups").GetInt64().ShouldBe(1);
        var buyerProfile = await (await sellerClient.GetAsync($"/users/{buyer.Id}")).ReadJsonAsync();
        buyerProfile.GetProperty("ratingAverage").GetDouble().ShouldBe(3);
        buyerProfile.GetProperty("completedPickups").GetInt64().ShouldBe(1);
        (await (await buyerClient.GetAsync($"/users/{seller.Id}/ratings")).ReadJsonAsync())[0].GetProperty("comment").GetString().ShouldBe("Lovely shelf, kind giver");

        foreach (var type in new[] { "ReservationCreated", "ReservationConfirmed", "ReservationCompleted" })
        {
            (await _app.EventCountAsync(type)).ShouldBe(1, type);
        }

        (await _app.EventCountAsync("UserRated")).ShouldBe(2);
    }

    [Fact]
    public async Task A_lone_rating_shows_after_the_reveal_period()
    {
        var (seller, sellerClient) = await _app.SignUpAsync();
        var (_, buyerClient) = await _app.SignUpAsync();
        var itemId = await sellerClient.CreateItemAsync();
        var reservationId = (await buyerClient.ReserveAsync(itemId)).GetProperty("id").GetString()!;
        (await sellerClient.ActAsync(reservationId, "complete")).EnsureSuccessStatusCode();
        (await buyerClient.ActAsync(reservationId, "ratings", new { score = 2, comment = "" })).EnsureSuccessStatusCode();

        await _app.WaitForAsync(a => a.Kind == RuntimeActivityKind.Handled && a.Queue == "UpdateProfileRatings");
        var ratings = await (await buyerClient.GetAsync($"/users/{seller.Id}/ratings")).ReadJsonAsync();
        ratings.GetArrayLength().ShouldBe(1);
        ratings[0].GetProperty("score").GetInt32().ShouldBe(2);
    }

    [Fact]
    public async Task When_a_reservation_is_cancelled_the_next_in_line_is_offered_the_item()
    {
        var (_, sellerClient) = await _app.SignUpAsync();
        var (_, first) = await _app.SignUpAsync();
        var (second, secondClient) = await _app.SignUpAsync();
        var itemId = await sellerClient.CreateItemAsync();
        var reservationId = (await first.ReserveAsync(itemId)).GetProperty("id").GetString()!;

        await (await secondClient.PostAsync($"/items/{itemId}/reserve", null)).ShouldBeProblemAsync(409);
        var joined = await (await secondClient.PostAsync($"/items/{itemId}/waitlist", null)).ReadJsonAsync();
        joined.GetProperty("position").GetInt32().ShouldBe(1);

        await (await first.ActAsync(reservationId, "cancel", new { })).ShouldBeProblemAsync(400);
        var cancelled = await (await first.ActAsync(reservationId, "cancel", new { reason = "Plans changed" })).ReadJsonAsync();
        cancelled.GetProperty("status").GetString().ShouldBe("cancelled");
        cancelled.GetProperty("cancelReason").GetString().ShouldBe("Plans changed");

        var mine = await (await secondClient.GetAsync("/users/me/reservations")).ReadJsonAsync();
        mine.GetArrayLength().ShouldBe(1);
        mine[0].GetProperty("buyerId").GetString().ShouldBe(second.Id);
        mine[0].GetProperty("status").GetString().ShouldBe("active");
        (await secondClient.StatusOfItemAsync(itemId)).ShouldBe("reserved");
        (await _app.EventCountAsync("ReservationCancelled")).ShouldBe(1);
        (await _app.EventCountAsync("ReservationCreated")).ShouldBe(2);
    }

    [Fact]
    public async Task A_waiter_reads_their_own_place_in_line_until_they_leave()
    {
        var (_, sellerClient) = await _app.SignUpAsync();
        var (_, holder) = await _app.SignUpAsync();
        var (_, firstClient) = await _app.SignUpAsync();
        var (_, secondClient) = await _app.SignUpAsync();
        var itemId = await sellerClient.CreateItemAsync();
        await holder.ReserveAsync(itemId);

        await (await firstClient.GetAsync($"/items/{itemId}/waitlist")).ShouldBeProblemAsync(404);
        (await firstClient.PostAsync($"/items/{itemId}/waitlist", null)).EnsureSuccessStatusCode();
        (await secondClient.PostAsync($"/items/{itemId}/waitlist", null)).EnsureSuccessStatusCode();

        var first = await (await firstClient.GetAsync($"/items/{itemId}/waitlist")).ReadJsonAsync();
        first.GetProperty("itemId").GetString().ShouldBe(itemId);
        first.GetProperty("position").GetInt32().ShouldBe(1);
        (await (await secondClient.GetAsync($"/items/{itemId}/waitlist")).ReadJsonAsync()).GetProperty("position").GetInt32().ShouldBe(2);
        await (await holder.GetAsync($"/items/{itemId}/waitlist")).ShouldBeProblemAsync(404);

        (await firstClient.DeleteAsync($"/items/{itemId}/waitlist")).EnsureSuccessStatusCode();
        await (await firstClient.GetAsync($"/items/{itemId}/waitlist")).ShouldBeProblemAsync(404);
        (await (await secondClient.GetAsync($"/items/{itemId}/waitlist")).ReadJsonAsync()).GetProperty("position").GetInt32().ShouldBe(1);
        (await (await secondClient.GetAsync("/items/nope/waitlist")).ShouldBeProblemAsync(404)).GetProperty("detail").GetString().ShouldBe("No such item.");
    }

    [Fact]
    public async Task A_person_holds_at_most_three_reservations()
    {
        var (_, sellerClient) = await _app.SignUpAsync();
        var (_, buyer) = await _app.SignUpAsync();
        for (var i = 0; i < 3; i++)
        {
            await buyer.ReserveAsync(await sellerClient.CreateItemAsync(Requests.Item(title: $"Chair {i}")));
        }

        var fourth = await sellerClient.CreateItemAsync(Requests.Item(title: "Chair 4"));
        (await (await buyer.PostAsync($"/items/{fourth}/reserve", null)).ShouldBeProblemAsync(409)).GetProperty("detail").GetString()!.ShouldContain("free-item limit (Reservations:MaxActivePerUser = 3)");
    }

    [Fact]
    public async Task Nobody_reserves_their_own_item_or_an_auction_item()
    {
        var (_, sellerClient) = await _app.SignUpAsync();
        var own = await sellerClient.CreateItemAsync();
        await (await sellerClient.PostAsync($"/items/{own}/reserve", null)).ShouldBeProblemAsync(403);
        var (_, buyer) = await _app.SignUpAsync();
        var auction = await sellerClient.CreateItemAsync(Requests.Item(mode: "auction"));
        await (await buyer.PostAsync($"/items/{auction}/reserve", null)).ShouldBeProblemAsync(403);
        await (await buyer.PostAsync("/items/nope/reserve", null)).ShouldBeProblemAsync(404);
        await (await _app.CreateClient().PostAsync($"/items/{own}/reserve", null)).ShouldBeProblemAsync(401);
    }

    [Fact]
    public async Task Only_the_buyer_and_the_seller_see_or_touch_a_reservation()
    {
        var (_, sellerClient) = await _app.SignUpAsync();
        var (_, buyer) = await _app.SignUpAsync();
        var (_, stranger) = await _app.SignUpAsync();
        var itemId = await sellerClient.CreateItemAsync();
        var reservationId = (await buyer.ReserveAsync(itemId)).GetProperty("id").GetString()!;

        await (await stranger.GetAsync($"/reservations/{reservationId}")).ShouldBeProblemAsync(404);
        foreach (var action in new[] { "confirm", "complete" })
        {
            await (await stranger.ActAsync(reservationId, action)).ShouldBeProblemAsync(404);
        }

        await (await stranger.ActAsync(reservationId, "cancel", new { reason = "mine now" })).ShouldBeProblemAsync(404);
        await (await stranger.ActAsync(reservationId, "ratings", new { score = 1, comment = "x" })).ShouldBeProblemAsync(404);
        (await (await stranger.GetAsync("/users/me/reservations")).ReadJsonAsync()).GetArrayLength().ShouldBe(0);
        (await buyer.GetAsync($"/reservations/{reservationId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await sellerClient.GetAsync($"/reservations/{reservationId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await buyer.StatusOfItemAsync(itemId)).ShouldBe("reserved");
    }

    [Fact]
    public async Task Only_the_owner_changes_or_withdraws_an_item_and_never_while_it_is_reserved()
    {
        var (_, owner) = await _app.SignUpAsync();
        var (_, other) = await _app.SignUpAsync();
        var itemId = await owner.CreateItemAsync(Requests.Item(title: "Lamp"));

        await (await other.PutAsJsonAsync($"/items/{itemId}", new { title = "Stolen lamp" })).ShouldBeProblemAsync(403);
        await (await other.DeleteAsync($"/items/{itemId}")).ShouldBeProblemAsync(403);
        await (await owner.PutAsJsonAsync($"/items/{itemId}", new { category = "spaceships" })).ShouldBeProblemAsync(400);
        var updated = await (await owner.PutAsJsonAsync($"/items/{itemId}", new { title = "Brass lamp" })).ReadJsonAsync();
        updated.GetProperty("title").GetString().ShouldBe("Brass lamp");

        var reservationId = (await other.ReserveAsync(itemId)).GetProperty("id").GetString()!;
        await (await owner.PutAsJsonAsync($"/items/{itemId}", new { title = "Other lamp" })).ShouldBeProblemAsync(409);
        await (await owner.DeleteAsync($"/items/{itemId}")).ShouldBeProblemAsync(409);

        (await owner.ActAsync(reservationId, "cancel", new { reason = "Changed my mind" })).EnsureSuccessStatusCode();
        (await owner.DeleteAsync($"/items/{itemId}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await owner.StatusOfItemAsync(itemId)).ShouldBe("withdrawn");
        (await _app.EventCountAsync("ItemUpdated")).ShouldBe(1);
        (await _app.EventCountAsync("ItemDeleted")).ShouldBe(1);
        await _app.WaitForAsync(a => a.Kind == RuntimeActivityKind.Handled && a.Queue == "Index", count: 3);
        (await (await owner.GetAsync("/items?q=lamp")).ReadJsonAsync()).ToString().ShouldNotContain(itemId);
    }
}
