using System.Net.Http.Json;
using System.Net.WebSockets;
using EcoBid.Domain.Events;
using EcoBid.Server.Tests.Infrastructure;
using EcoBid.Server.Tests.Reservations;

namespace EcoBid.Server.Tests.Notifications;

public sealed class LiveChannelTests : IDisposable
{
    private readonly EcoBidApp _app = new EcoBidApp().With("Live:HeartbeatInterval", "00:00:00.200").With("Live:HeartbeatTimeout", "00:00:01");

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_reservation_made_in_another_session_is_pushed_to_the_sellers_live_connection()
    {
        var (seller, sellerClient) = await _app.SignUpAsync(displayName: "Giver");
        var (_, buyerClient) = await _app.SignUpAsync(displayName: "Taker");
        var itemId = await sellerClient.CreateItemAsync();
        await using var live = await LiveClient.ConnectAsync(_app, seller.AccessToken);

        var reservationId = (await buyerClient.ReserveAsync(itemId)).GetProperty("id").GetString();

        var notification = await live.NextNotificationAsync("reservation_created");
        notification.GetProperty("title").GetString().ShouldBe("Taker reserved \"Oak dining chair\"");
        notification.GetProperty("data").GetProperty("reservationId").GetString().ShouldBe(reservationId);
        notification.GetProperty("read").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task A_client_that_reconnects_resumes_after_the_last_notification_it_saw_and_misses_nothing()
    {
        var (seller, sellerClient) = await _app.SignUpAsync();
        var (_, buyerClient) = await _app.SignUpAsync();
        var items = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            items.Add(await sellerClient.CreateItemAsync());
        }

        var first = await LiveClient.ConnectAsync(_app, seller.AccessToken);
        await buyerClient.ReserveAsync(items[0]);
        var seen = (await first.NextNotificationAsync()).GetProperty("id").GetInt64();
        first.Drop();
        await first.DisposeAsync();

        // While the seller is offline, three more reservations (the buyer may hold three at once).
        var (_, secondBuyer) = await _app.SignUpAsync();
        await buyerClient.ReserveAsync(items[1]);
        await buyerClient.ReserveAsync(items[2]);
        await secondBuyer.ReserveAsync(items[3]);
        await _app.WaitHandledAsync("NotifySeller", count: 4);

        await using var again = await LiveClient.ConnectAsync(_app, seller.AccessToken, resumeAfter: seen);
        var missed = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            missed.Add((await again.NextNotificationAsync()).GetProperty("id").GetInt64());
        }

        var resumed = await again.NextAsync("resumed");
        resumed.GetProperty("count").GetInt32().ShouldBe(3);
        resumed.GetProperty("complete").GetBoolean().ShouldBeTrue();
        missed.ShouldBeInOrder(SortDirection.Ascending);
        missed.ShouldAllBe(id => id > seen);
        missed.Distinct().Count().ShouldBe(3);

        // Live again: the next one arrives without a reconnect.
        var (_, thirdBuyer) = await _app.SignUpAsync();
        var fifth = await sellerClient.CreateItemAsync();
        await thirdBuyer.ReserveAsync(fifth);
        (await again.NextNotificationAsync()).GetProperty("id").GetInt64().ShouldBeGreaterThan(missed[^1]);
    }

    [Fact]
    public async Task A_resume_sent_as_a_message_after_signing_in_by_message_replays_the_same()
    {
        var (seller, sellerClient) = await _app.SignUpAsync();
        var (_, buyerClient) = await _app.SignUpAsync();
        await buyerClient.ReserveAsync(await sellerClient.CreateItemAsync());
        await _app.WaitHandledAsync("NotifySeller");

        await using var live = await LiveClient.ConnectAsync(_app, accessToken: null);
        await live.SendAsync(new { type = "auth", token = seller.AccessToken });
        await live.NextAsync("welcome");
        await live.SendAsync(new { resumeAfter = 0 });
        (await live.NextNotificationAsync("reservation_created")).GetProperty("kind").GetString().ShouldBe("reservation_created");
        (await live.NextAsync("resumed")).GetProperty("count").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task A_socket_without_a_valid_token_is_refused()
    {
        var refused = await Should.ThrowAsync<InvalidOperationException>(() => LiveClient.ConnectAsync(_app, "not-a-token"));
        refused.Message.ShouldContain("401");

        await using var anonymous = await LiveClient.ConnectAsync(_app, accessToken: null);
        await anonymous.SendAsync(new { type = "watch", itemId = "x" });
        await anonymous.WaitClosedAsync();
        anonymous.CloseStatus.ShouldBe(WebSocketCloseStatus.PolicyViolation);
    }

    [Fact]
    public async Task The_server_pings_answers_pings_and_closes_a_connection_that_stopped_answering()
    {
        var (user, _) = await _app.SignUpAsync();
        await using var silent = await LiveClient.ConnectAsync(_app, user.AccessToken, answerPings: false);
        await silent.NextAsync("ping");
        await silent.SendAsync(new { type = "ping" });
        await silent.NextAsync("pong");

        await silent.WaitClosedAsync(seconds: 10);
        silent.CloseStatus.ShouldBe(WebSocketCloseStatus.PolicyViolation);

        await using var alive = await LiveClient.ConnectAsync(_app, user.AccessToken);
        await Task.Delay(TimeSpan.FromSeconds(2)); // several heartbeat timeouts; the pongs keep it open
        alive.State.ShouldBe(WebSocketState.Open);
    }

    [Fact]
    public async Task Watchers_of_an_item_see_its_changes_and_its_auction_live()
    {
        var (_, ownerClient) = await _app.SignUpAsync();
        var (watcher, _) = await _app.SignUpAsync();
        var itemId = await ownerClient.CreateItemAsync();
        await using var live = await LiveClient.ConnectAsync(_app, watcher.AccessToken);
        await live.SendAsync(new { type = "watch", itemId });
        await live.NextAsync("watching");

        (await ownerClient.PutAsJsonAsync($"/items/{itemId}", new { title = "Oak chair, repainted" })).EnsureSuccessStatusCode();
        var changed = await live.NextAsync("item", f => f.GetProperty("event").GetString() == "ItemUpdated");
        changed.GetProperty("detail").GetProperty("title").GetString().ShouldBe("Oak chair, repainted");

        await _app.PublishAsync(new BidPlaced("auction-1", itemId, "bid-1", "someone", 1500, "someone", 1, DateTimeOffset.UtcNow, "EUR", null, DateTimeOffset.UtcNow.AddMinutes(5)));
        await _app.PublishAsync(new AuctionExtended("auction-1", itemId, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddMinutes(2)));
        (await live.NextAsync("item", f => f.GetProperty("event").GetString() == "BidPlaced")).GetProperty("detail").GetProperty("currentPrice").GetInt64().ShouldBe(1500);
        await live.NextAsync("item", f => f.GetProperty("event").GetString() == "AuctionExtended");

        await live.SendAsync(new { type = "unwatch", itemId });
        await live.NextAsync("unwatched");
    }

    [Fact]
    public async Task A_connection_ends_when_its_access_token_expires()
    {
        using var app = new EcoBidApp().With("Auth:AccessTokenLifetime", "00:00:02");
        var (user, _) = await app.SignUpAsync();
        await using var live = await LiveClient.ConnectAsync(app, user.AccessToken);
        await live.WaitClosedAsync(seconds: 10);
        ((int?)live.CloseStatus).ShouldBe(4001);
    }
}
