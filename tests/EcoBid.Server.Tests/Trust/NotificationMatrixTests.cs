using System.Net.Http.Json;
using Dapper;
using EcoBid.Domain.Events;
using EcoBid.Server.Tests.Auctions;
using EcoBid.Server.Tests.Infrastructure;
using EcoBid.Server.Tests.Notifications;
using EcoBid.Server.Tests.Reservations;

namespace EcoBid.Server.Tests.Trust;

/// <summary>
/// Each row of docs/notifications.md's matrix, through the real host: the state change happens through the API, and
/// the notice is seen on the person's live connection and in their inbox.
/// </summary>
public sealed class NotificationMatrixTests : IDisposable
{
    private readonly EcoBidApp _app = new EcoBidApp().With("Auctions:MinDuration", "00:00:01");

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task The_person_moved_up_from_the_waitlist_is_told_at_once_and_their_window_starts_then()
    {
        var (_, giver) = await _app.SignUpAsync(displayName: "Giver");
        var (_, first) = await _app.SignUpAsync(displayName: "First");
        var (next, nextClient) = await _app.SignUpAsync(displayName: "Next");
        await nextClient.SetPreferencesAsync(next.Id, new { waitlist_promoted = new[] { "push" } });
        var itemId = await giver.CreateItemAsync(Requests.Item(title: "Desk lamp"));
        var held = await first.ReserveAsync(itemId);
        (await nextClient.PostAsync($"/items/{itemId}/waitlist", null)).EnsureSuccessStatusCode();
        await using var live = await LiveClient.ConnectAsync(_app, next.AccessToken);

        (await first.ActAsync(held.GetProperty("id").GetString()!, "cancel", new { reason = "Changed my mind" })).EnsureSuccessStatusCode();

        var pushed = await live.NextNotificationAsync("waitlist_promoted");
        pushed.GetProperty("title").GetString()!.ShouldContain("Desk lamp");
        var reservationId = pushed.GetProperty("data").GetProperty("reservationId").GetString()!;
        var noticeExpiresAt = pushed.GetProperty("data").GetProperty("expiresAt").GetDateTimeOffset();

        // Push alone was chosen, but this notice always lands in the inbox too.
        var inbox = (await nextClient.InboxAsync()).GetProperty("items").EnumerateArray().ToList();
        inbox.ShouldContain(n => n.GetProperty("kind").GetString() == "waitlist_promoted");

        var reservation = await (await nextClient.GetAsync($"/reservations/{reservationId}")).ReadJsonAsync();
        reservation.GetProperty("origin").GetString().ShouldBe("waitlist");
        reservation.GetProperty("expiresAt").GetDateTimeOffset().ToUnixTimeMilliseconds().ShouldBe(noticeExpiresAt.ToUnixTimeMilliseconds());
        var (reservedAt, notifiedAt) = await _app.Database.ReadAsync(c => c.QuerySingleAsync<(long, long)>(
            "SELECT reserved_at, notified_at FROM reservations WHERE id = @reservationId", new { reservationId }));
        notifiedAt.ShouldBeGreaterThanOrEqualTo(reservedAt);
        noticeExpiresAt.ToUnixTimeMilliseconds().ShouldBe(notifiedAt + (long)TimeSpan.FromHours(24).TotalMilliseconds);
    }

    [Fact]
    public async Task A_waitlist_reservation_whose_buyer_was_never_told_lapses_without_a_no_show()
    {
        var (_, giver) = await _app.SignUpAsync();
        var (_, first) = await _app.SignUpAsync();
        var (next, nextClient) = await _app.SignUpAsync();
        var itemId = await giver.CreateItemAsync();
        var held = await first.ReserveAsync(itemId);
        (await nextClient.PostAsync($"/items/{itemId}/waitlist", null)).EnsureSuccessStatusCode();
        (await first.ActAsync(held.GetProperty("id").GetString()!, "cancel", new { reason = "No longer needed" })).EnsureSuccessStatusCode();
        await _app.WaitHandledAsync("NotifyReservationParties", count: 2);

        // As if the notice had never gone out: the reservation is unnotified and its window is over.
        var reservationId = await _app.Database.ReadAsync(c => c.QuerySingleAsync<string>(
            "SELECT id FROM reservations WHERE buyer_id = @id", new { id = next.Id }));
        var past = DateTimeOffset.UtcNow.AddMinutes(-1);
        await _app.Database.WriteAsync(scope => scope.Connection.ExecuteAsync(
            "UPDATE reservations SET notified_at = NULL, expires_at = @past WHERE id = @reservationId",
            new { past = past.ToUnixTimeMilliseconds(), reservationId }, scope.Transaction));
        await _app.PublishAsync(new ReservationExpiryDue(reservationId, past));
        await _app.WaitHandledAsync("ExpireReservation");

        var expired = (await _app.Database.EventsAsync("ReservationExpired")).ShouldHaveSingleItem();
        expired.GetProperty("noShow").GetBoolean().ShouldBeFalse();
        (await (await nextClient.GetAsync($"/users/{next.Id}")).ReadJsonAsync()).GetProperty("noShows").GetInt64().ShouldBe(0);
        await _app.WaitHandledAsync("NotifyReservationParties", count: 3);
        var notice = (await nextClient.InboxAsync()).GetProperty("items").EnumerateArray().Single(n => n.GetProperty("kind").GetString() == "reservation_expired");
        notice.GetProperty("body").GetString()!.ShouldContain("does not count as a no-show");
    }

    [Fact]
    public async Task Confirm_and_complete_reach_both_sides_live_and_in_the_inbox()
    {
        var (giver, giverClient) = await _app.SignUpAsync(displayName: "Giver");
        var (taker, takerClient) = await _app.SignUpAsync(displayName: "Taker");
        var reservationId = (await takerClient.ReserveAsync(await giverClient.CreateItemAsync(Requests.Item(title: "Bookshelf")))).GetProperty("id").GetString()!;
        await using var giverLive = await LiveClient.ConnectAsync(_app, giver.AccessToken);
        await using var takerLive = await LiveClient.ConnectAsync(_app, taker.AccessToken);

        (await giverClient.ActAsync(reservationId, "confirm")).EnsureSuccessStatusCode();
        (await takerLive.NextNotificationAsync("reservation_confirmed")).GetProperty("body").GetString()!.ShouldContain("Giver confirmed");
        (await giverLive.NextNotificationAsync("reservation_confirmed")).GetProperty("body").GetString()!.ShouldContain("by Taker");

        (await giverClient.ActAsync(reservationId, "complete")).EnsureSuccessStatusCode();
        (await takerLive.NextNotificationAsync("reservation_completed")).GetProperty("body").GetString()!.ShouldContain("from Giver");
        (await giverLive.NextNotificationAsync("reservation_completed")).GetProperty("body").GetString()!.ShouldContain("went to Taker");

        foreach (var client in new[] { giverClient, takerClient })
        {
            var kinds = (await client.InboxAsync()).GetProperty("items").EnumerateArray().Select(n => n.GetProperty("kind").GetString()).ToList();
            kinds.ShouldContain("reservation_confirmed");
            kinds.ShouldContain("reservation_completed");
        }
    }

    [Theory]
    [InlineData("buyer")]
    [InlineData("seller")]
    public async Task A_cancel_reaches_the_other_side_with_the_reason(string cancelledBy)
    {
        var (giver, giverClient) = await _app.SignUpAsync(displayName: "Giver");
        var (taker, takerClient) = await _app.SignUpAsync(displayName: "Taker");
        var reservationId = (await takerClient.ReserveAsync(await giverClient.CreateItemAsync(Requests.Item(title: "Kettle")))).GetProperty("id").GetString()!;
        var (actor, other, otherUser) = cancelledBy == "buyer" ? (takerClient, giverClient, giver) : (giverClient, takerClient, taker);
        await using var live = await LiveClient.ConnectAsync(_app, otherUser.AccessToken);

        (await actor.ActAsync(reservationId, "cancel", new { reason = "Plans changed" })).EnsureSuccessStatusCode();

        var notice = await live.NextNotificationAsync("reservation_cancelled");
        notice.GetProperty("body").GetString()!.ShouldContain("Plans changed");
        notice.GetProperty("body").GetString()!.ShouldContain(cancelledBy == "buyer" ? "Taker" : "Giver");
        (await other.InboxAsync()).GetProperty("items").EnumerateArray().Select(n => n.GetProperty("kind").GetString()).ShouldContain("reservation_cancelled");
        await _app.WaitHandledAsync("NotifyReservationParties");
        (await actor.InboxAsync()).GetProperty("items").EnumerateArray().Select(n => n.GetProperty("kind").GetString()).ShouldNotContain("reservation_cancelled");
    }

    [Fact]
    public async Task A_lapsed_reservation_reaches_the_buyer_as_a_no_show_and_the_giver()
    {
        using var app = new EcoBidApp().With("Reservations:Window", "00:00:02");
        var (giver, giverClient) = await app.SignUpAsync();
        var (taker, takerClient) = await app.SignUpAsync();
        await using var takerLive = await LiveClient.ConnectAsync(app, taker.AccessToken);
        await takerClient.ReserveAsync(await giverClient.CreateItemAsync(Requests.Item(title: "Lamp")));

        var notice = await takerLive.NextNotificationAsync("reservation_expired", seconds: 30);
        notice.GetProperty("body").GetString()!.ShouldContain("counts as a no-show");
        notice.GetProperty("data").GetProperty("noShow").GetBoolean().ShouldBeTrue();
        await app.WaitHandledAsync("NotifyReservationParties");
        (await giverClient.InboxAsync()).GetProperty("items").EnumerateArray().Select(n => n.GetProperty("kind").GetString()).ShouldContain("reservation_expired");
    }

    [Fact]
    public async Task A_sale_tells_the_seller_the_price_buyer_and_pickup_the_winner_their_reservation_and_the_others_who_won()
    {
        var (seller, sellerClient) = await _app.SignUpAsync(displayName: "Seller");
        var (winner, winnerClient) = await _app.SignUpAsync(displayName: "Winner");
        var (loser, loserClient) = await _app.SignUpAsync(displayName: "Loser");
        (await loserClient.PutAsJsonAsync("/users/me", new { locale = "pl" })).EnsureSuccessStatusCode();
        var itemId = await sellerClient.AuctionItemAsync(AuctionSteps.Terms(durationSeconds: 2, softClose: new { windowSeconds = 0 }), title: "Road bike");
        await using var sellerLive = await LiveClient.ConnectAsync(_app, seller.AccessToken);
        await using var winnerLive = await LiveClient.ConnectAsync(_app, winner.AccessToken);
        await using var loserLive = await LiveClient.ConnectAsync(_app, loser.AccessToken);
        await loserClient.BidOkAsync(itemId, 15_00);
        await winnerClient.BidOkAsync(itemId, 30_00);

        var sold = await sellerLive.NextNotificationAsync("auction_result", seconds: 30);
        var price = (await sellerClient.AuctionOfAsync(itemId)).GetProperty("currentPrice").GetInt64();
        var english = $"PLN {price / 100}.{price % 100:00}";
        var reservationId = sold.GetProperty("data").GetProperty("reservationId").GetString()!;
        sold.GetProperty("data").GetProperty("outcome").GetString().ShouldBe("sold");
        sold.GetProperty("body").GetString()!.ShouldContain($"Winner won it at {english}");

        var won = await winnerLive.NextNotificationAsync("auction_won", seconds: 30);
        won.GetProperty("data").GetProperty("reservationId").GetString().ShouldBe(reservationId);
        won.GetProperty("body").GetString()!.ShouldContain(english);
        (await (await winnerClient.GetAsync($"/reservations/{reservationId}")).ReadJsonAsync()).GetProperty("origin").GetString().ShouldBe("auction");

        var lost = await loserLive.NextNotificationAsync("auction_lost", seconds: 30);
        lost.GetProperty("body").GetString()!.ShouldContain($"{price / 100},{price % 100:00} zł");
        (await loserClient.InboxAsync()).GetProperty("items").EnumerateArray().Select(n => n.GetProperty("kind").GetString()).ShouldContain("auction_lost");
    }

    [Fact]
    public async Task An_unmet_reserve_tells_every_bidder_it_ended_unsold_and_the_top_bidder_why()
    {
        var (seller, sellerClient) = await _app.SignUpAsync();
        var (top, topClient) = await _app.SignUpAsync();
        var (other, otherClient) = await _app.SignUpAsync();
        var itemId = await sellerClient.AuctionItemAsync(AuctionSteps.Terms(durationSeconds: 2, reservePrice: 100_00, softClose: new { windowSeconds = 0 }));
        await using var sellerLive = await LiveClient.ConnectAsync(_app, seller.AccessToken);
        await using var topLive = await LiveClient.ConnectAsync(_app, top.AccessToken);
        await using var otherLive = await LiveClient.ConnectAsync(_app, other.AccessToken);
        await otherClient.BidOkAsync(itemId, 40_00);
        await topClient.BidOkAsync(itemId, 60_00);

        var result = await sellerLive.NextNotificationAsync("auction_result", seconds: 30);
        result.GetProperty("data").GetProperty("outcome").GetString().ShouldBe("unsold");
        result.GetProperty("data").GetProperty("reason").GetString().ShouldBe("reserve_not_met");

        var topNotice = await topLive.NextNotificationAsync("auction_unsold", seconds: 30);
        topNotice.GetProperty("body").GetString()!.ShouldContain("your bid of up to PLN 60.00 led");
        topNotice.GetProperty("body").GetString()!.ShouldNotContain("another bidder won");
        var otherNotice = await otherLive.NextNotificationAsync("auction_unsold", seconds: 30);
        otherNotice.GetProperty("body").GetString()!.ShouldContain("reserve price was not met");
        otherNotice.GetProperty("body").GetString()!.ShouldNotContain("another bidder won");
        (await otherClient.InboxAsync()).GetProperty("items").EnumerateArray().Select(n => n.GetProperty("kind").GetString()).ShouldNotContain("auction_lost");
    }

    [Fact]
    public async Task An_auction_without_bids_tells_the_seller_no_one_bid()
    {
        var (seller, sellerClient) = await _app.SignUpAsync();
        await using var live = await LiveClient.ConnectAsync(_app, seller.AccessToken);
        await sellerClient.AuctionItemAsync(AuctionSteps.Terms(durationSeconds: 1));

        var result = await live.NextNotificationAsync("auction_result", seconds: 30);
        result.GetProperty("data").GetProperty("reason").GetString().ShouldBe("no_bids");
        result.GetProperty("body").GetString()!.ShouldContain("without any bid");
    }

    [Fact]
    public async Task Every_kind_in_the_matrix_is_listed_with_its_channels()
    {
        using var anonymous = _app.CreateClient();
        var kinds = await (await anonymous.GetAsync("/notification-kinds")).ReadJsonAsync();
        var names = kinds.EnumerateObject().Select(p => p.Name).ToList();
        names.ShouldBe(
            ["reservation_created", "waitlist_promoted", "reservation_confirmed", "reservation_cancelled", "reservation_expired", "reservation_completed",
             "reservation_expiring", "pickup_reminder", "outbid", "auction_won", "auction_lost", "auction_unsold", "auction_result", "nearby_item", "message",
             "alarm_raised", "alarm_cleared", "dispute_opened", "dispute_escalated", "dispute_resolved", "bulk_posting_finished"],
            ignoreOrder: true);
        var docs = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "docs", "notifications.md"));
        names.ShouldAllBe(kind => docs.Contains($"`{kind}`", StringComparison.Ordinal));
        kinds.GetProperty("waitlist_promoted").EnumerateArray().Select(c => c.GetString()).ShouldContain("inapp");
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "EcoBid.slnx")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("The repository root is not above the test folder.");
    }
}
