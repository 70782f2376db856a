using System.Text.Json;
using Dapper;
using EcoBid.Events.Envelope;
using EcoBid.Events.Monitoring;
using EcoBid.Events.Scheduling;
using EcoBid.Server.Tests.Infrastructure;
using EcoBid.Server.Tests.Reservations;
using Microsoft.Extensions.DependencyInjection;

namespace EcoBid.Server.Tests.Auctions;

public sealed class AuctionCloseTests : IDisposable
{
    private readonly EcoBidApp _app = new EcoBidApp().With("Auctions:MinDuration", "00:00:01");

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task At_the_end_the_timer_closes_within_a_second_the_winner_gets_the_item_and_each_loser_hears()
    {
        var (seller, sellerClient) = await _app.SignUpAsync();
        var (ann, annClient) = await _app.SignUpAsync();
        var (bob, bobClient) = await _app.SignUpAsync();
        var itemId = await sellerClient.AuctionItemAsync(AuctionSteps.Terms(durationSeconds: 2, softClose: new { windowSeconds = 0 }));
        await annClient.BidOkAsync(itemId, 20_00);
        await bobClient.BidOkAsync(itemId, 15_00);
        var endsAt = (await annClient.AuctionOfAsync(itemId)).GetProperty("endsAt").GetDateTimeOffset();

        await _app.WaitForAsync(a => a.Kind == RuntimeActivityKind.Handled && a.Queue == "EndAuction");

        var (ended, closedAt) = (await EnvelopesAsync("AuctionEnded")).ShouldHaveSingleItem();
        (closedAt - endsAt).ShouldBeLessThan(TimeSpan.FromSeconds(1));
        closedAt.ShouldBeGreaterThanOrEqualTo(endsAt);
        ended.GetProperty("winnerId").GetString().ShouldBe(ann.Id);
        ended.GetProperty("winningBid").GetInt64().ShouldBe(15_50);
        ended.GetProperty("totalBids").GetInt32().ShouldBe(2);
        ended.GetProperty("sold").GetBoolean().ShouldBeTrue();
        ended.GetProperty("endedAt").GetDateTimeOffset().ShouldBe(endsAt);

        var won = (await _app.Database.EventsAsync("AuctionWon")).ShouldHaveSingleItem();
        won.GetProperty("winnerId").GetString().ShouldBe(ann.Id);
        won.GetProperty("amount").GetInt64().ShouldBe(15_50);
        var lost = (await _app.Database.EventsAsync("AuctionLost")).ShouldHaveSingleItem();
        lost.GetProperty("bidderId").GetString().ShouldBe(bob.Id);
        lost.GetProperty("reason").GetString().ShouldBe("outbid");
        lost.GetProperty("yourMaximum").GetInt64().ShouldBe(15_00);

        // The win is a pickup reservation, as a free item's would be: the item is reserved for the winner.
        var reservationId = won.GetProperty("reservationId").GetString()!;
        var reservation = await (await annClient.GetAsync($"/reservations/{reservationId}")).ReadJsonAsync();
        reservation.GetProperty("buyerId").GetString().ShouldBe(ann.Id);
        reservation.GetProperty("sellerId").GetString().ShouldBe(seller.Id);
        var item = await (await annClient.GetAsync($"/items/{itemId}")).ReadJsonAsync();
        item.GetProperty("status").GetString().ShouldBe("reserved");
        var result = item.GetProperty("auction").GetProperty("result");
        result.GetProperty("sold").GetBoolean().ShouldBeTrue();
        result.GetProperty("youWon").GetBoolean().ShouldBeTrue();
        result.GetProperty("reservationId").GetString().ShouldBe(reservationId);
        item.GetProperty("auction").GetProperty("status").GetString().ShouldBe("ended");
        (await bobClient.AuctionOfAsync(itemId)).GetProperty("result").GetProperty("youWon").GetBoolean().ShouldBeFalse();

        await (await bobClient.BidAsync(itemId, 99_00)).ShouldBeProblemAsync(409);
        (await _app.Database.CountAsync("SELECT COUNT(*) FROM timers WHERE key LIKE 'auction-end:%'")).ShouldBe(0);
    }

    [Fact]
    public async Task An_unmet_reserve_ends_unsold_and_every_bidder_hears_why()
    {
        var (_, sellerClient) = await _app.SignUpAsync();
        var (_, annClient) = await _app.SignUpAsync();
        var (_, bobClient) = await _app.SignUpAsync();
        var itemId = await sellerClient.AuctionItemAsync(AuctionSteps.Terms(durationSeconds: 1, reservePrice: 100_00, softClose: new { windowSeconds = 0 }));
        await annClient.BidOkAsync(itemId, 40_00);
        await bobClient.BidOkAsync(itemId, 99_99);

        await _app.WaitForAsync(a => a.Kind == RuntimeActivityKind.Handled && a.Queue == "EndAuction");

        var ended = (await _app.Database.EventsAsync("AuctionEnded")).ShouldHaveSingleItem();
        ended.GetProperty("sold").GetBoolean().ShouldBeFalse();
        ended.GetProperty("winnerId").ValueKind.ShouldBe(JsonValueKind.Null);
        ended.GetProperty("totalBids").GetInt32().ShouldBe(2);
        (await _app.Database.EventsAsync("AuctionWon")).ShouldBeEmpty();
        var lost = await _app.Database.EventsAsync("AuctionLost");
        lost.Count.ShouldBe(2);
        lost.ShouldAllBe(l => l.GetProperty("reason").GetString() == "reserve_not_met");
        (await annClient.StatusOfItemAsync(itemId)).ShouldBe("ended");
        (await _app.Database.CountAsync("SELECT COUNT(*) FROM reservations")).ShouldBe(0);
    }

    [Fact]
    public async Task With_no_bids_the_auction_ends_unsold_and_the_seller_may_auction_again()
    {
        var (_, sellerClient) = await _app.SignUpAsync();
        var itemId = await sellerClient.AuctionItemAsync(AuctionSteps.Terms(durationSeconds: 1));

        await _app.WaitForAsync(a => a.Kind == RuntimeActivityKind.Handled && a.Queue == "EndAuction");

        (await _app.Database.EventsAsync("AuctionEnded")).ShouldHaveSingleItem().GetProperty("sold").GetBoolean().ShouldBeFalse();
        (await _app.Database.EventsAsync("AuctionLost")).ShouldBeEmpty();
        (await sellerClient.PostAsync($"/items/{itemId}/auction", System.Net.Http.Json.JsonContent.Create(AuctionSteps.Terms()))).EnsureSuccessStatusCode();
        (await sellerClient.AuctionOfAsync(itemId)).GetProperty("status").GetString().ShouldBe("open");
    }

    [Fact]
    public async Task A_bid_in_the_soft_close_window_moves_the_end_and_its_timer_and_the_close_waits_for_it()
    {
        var (_, sellerClient) = await _app.SignUpAsync();
        var (ann, annClient) = await _app.SignUpAsync();
        var (_, bobClient) = await _app.SignUpAsync();
        var itemId = await sellerClient.AuctionItemAsync(AuctionSteps.Terms(durationSeconds: 2, softClose: new { windowSeconds = 3, maxExtensionSeconds = 60 }));
        var original = (await annClient.AuctionOfAsync(itemId)).GetProperty("endsAt").GetDateTimeOffset();

        await bobClient.BidOkAsync(itemId, 10_00);
        var bid = await annClient.BidOkAsync(itemId, 30_00);

        bid.GetProperty("extended").GetBoolean().ShouldBeTrue();
        var extendedEnd = bid.GetProperty("endsAt").GetDateTimeOffset();
        extendedEnd.ShouldBe(bid.GetProperty("placedAt").GetDateTimeOffset().AddSeconds(3));
        var auctionId = bid.GetProperty("auctionId").GetString()!;
        (await _app.Database.UnixMillisAsync("SELECT due_at FROM timers WHERE key = @key", new { key = $"auction-end:{auctionId}" })).ShouldBe(extendedEnd.ToUnixTimeMilliseconds());
        (await _app.Database.EventsAsync("AuctionExtended")).Count.ShouldBe(2);

        await _app.WaitForAsync(a => a.Kind == RuntimeActivityKind.Handled && a.Queue == "EndAuction");
        var (ended, closedAt) = (await EnvelopesAsync("AuctionEnded")).ShouldHaveSingleItem();
        closedAt.ShouldBeGreaterThanOrEqualTo(extendedEnd);
        closedAt.ShouldBeGreaterThan(original);
        ended.GetProperty("endedAt").GetDateTimeOffset().ShouldBe(extendedEnd);
        ended.GetProperty("winnerId").GetString().ShouldBe(ann.Id);
    }

    [Fact]
    public async Task The_AuctionEndCheck_schedule_closes_an_overdue_auction_whose_timer_was_lost()
    {
        var (_, sellerClient) = await _app.SignUpAsync();
        var (ann, annClient) = await _app.SignUpAsync();
        var itemId = await sellerClient.AuctionItemAsync(AuctionSteps.Terms(durationSeconds: 1, softClose: new { windowSeconds = 0 }));
        var bid = await annClient.BidOkAsync(itemId, 12_00);
        await _app.Database.WriteAsync(scope => scope.Connection.ExecuteAsync("DELETE FROM timers WHERE key LIKE 'auction-end:%'", transaction: scope.Transaction));
        await Task.Delay(bid.GetProperty("endsAt").GetDateTimeOffset() - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(200));
        (await annClient.AuctionOfAsync(itemId)).GetProperty("status").GetString().ShouldBe("closing");
        await (await annClient.BidAsync(itemId, 50_00)).ShouldBeProblemAsync(409); // past the end, closed or not

        // One fire of the every-minute schedule, as the timer service would publish it.
        var schedule = _app.Services.GetRequiredService<ScheduleSet>().Find("AuctionEndCheck")!;
        await _app.Database.WriteAsync(async scope =>
        {
            await scope.PublishAsync(ScheduledEvents.Create(schedule, scope.Now));
            return true;
        });
        await _app.WaitForAsync(a => a.Kind == RuntimeActivityKind.Handled && a.Queue == "AuctionEndCheck");

        var ended = (await _app.Database.EventsAsync("AuctionEnded")).ShouldHaveSingleItem();
        ended.GetProperty("winnerId").GetString().ShouldBe(ann.Id);
        (await annClient.StatusOfItemAsync(itemId)).ShouldBe("reserved");
    }

    private async Task<List<(JsonElement Detail, DateTimeOffset Time)>> EnvelopesAsync(string detailType)
    {
        var rows = await _app.Database.ReadAsync(connection => connection.QueryAsync<string>(
            PortableSql.For(connection, "SELECT envelope FROM (SELECT envelope FROM outbox UNION ALL SELECT envelope FROM event_archive) AS events WHERE json_extract(envelope, '$.detail-type') = @detailType"),
            new { detailType }));
        return [.. rows.Select(EventEnvelope.FromJson).Select(e => (e.Detail, e.Time))];
    }
}
