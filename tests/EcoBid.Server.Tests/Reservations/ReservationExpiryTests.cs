using EcoBid.Events.Monitoring;
using EcoBid.Server.Tests.Infrastructure;

namespace EcoBid.Server.Tests.Reservations;

public sealed class ReservationExpiryTests : IDisposable
{
    private readonly EcoBidApp _app = new EcoBidApp().With("Reservations:Window", "00:00:01");

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task An_unconfirmed_reservation_expires_with_a_no_show_and_goes_to_the_next_in_line()
    {
        var (_, sellerClient) = await _app.SignUpAsync();
        var (late, lateClient) = await _app.SignUpAsync();
        var (next, nextClient) = await _app.SignUpAsync();
        var itemId = await sellerClient.CreateItemAsync();
        var reservationId = (await lateClient.ReserveAsync(itemId)).GetProperty("id").GetString()!;
        (await nextClient.PostAsync($"/items/{itemId}/waitlist", null)).EnsureSuccessStatusCode();

        await _app.WaitForAsync(a => a.Kind == RuntimeActivityKind.Handled && a.Queue == "ExpireReservation");
        var expired = await (await lateClient.GetAsync($"/reservations/{reservationId}")).ReadJsonAsync();
        expired.GetProperty("status").GetString().ShouldBe("expired");
        (await (await nextClient.GetAsync($"/users/{late.Id}")).ReadJsonAsync()).GetProperty("noShows").GetInt64().ShouldBe(1);
        (await _app.EventCountAsync("ReservationExpired")).ShouldBe(1);

        var offered = await (await nextClient.GetAsync("/users/me/reservations")).ReadJsonAsync();
        offered[0].GetProperty("buyerId").GetString().ShouldBe(next.Id);
    }

    [Fact]
    public async Task A_confirmed_reservation_does_not_expire()
    {
        var (_, sellerClient) = await _app.SignUpAsync();
        var (_, buyer) = await _app.SignUpAsync();
        var itemId = await sellerClient.CreateItemAsync();
        var reservationId = (await buyer.ReserveAsync(itemId)).GetProperty("id").GetString()!;
        (await sellerClient.ActAsync(reservationId, "confirm")).EnsureSuccessStatusCode();

        // The confirmation cancelled the expiry timer in its own transaction: no timer remains to fire.
        (await _app.Database.CountAsync("SELECT COUNT(*) FROM timers WHERE key = @key", new { key = $"reservation-expiry:{reservationId}" })).ShouldBe(0);
        (await (await buyer.GetAsync($"/reservations/{reservationId}")).ReadJsonAsync()).GetProperty("status").GetString().ShouldBe("confirmed");
    }
}
