using EcoBid.Domain.Events;
using EcoBid.Server.Tests.Infrastructure;

namespace EcoBid.Server.Tests.Notifications;

/// <summary>Auctions are built elsewhere; their events, published here as they will be, already notify.</summary>
public sealed class AuctionNotificationTests : IDisposable
{
    private readonly EcoBidApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Bidders_hear_when_they_are_outbid_and_how_the_auction_ended()
    {
        var (seller, sellerClient) = await _app.SignUpAsync();
        var (ann, annClient) = await _app.SignUpAsync();
        var (bob, bobClient) = await _app.SignUpAsync();
        var itemId = await sellerClient.CreateItemAsync(Requests.Item(title: "Bike", mode: "auction", category: "sports"));
        var now = DateTimeOffset.UtcNow;

        await _app.PublishAsync(new BidPlaced("a1", itemId, "b1", ann.Id, 1000, ann.Id, 1, now, "EUR", null, now.AddMinutes(5)));
        await _app.PublishAsync(new BidPlaced("a1", itemId, "b2", bob.Id, 1200, bob.Id, 2, now, "EUR", ann.Id, now.AddMinutes(5)));
        await _app.PublishAsync(new AuctionWon("a1", itemId, bob.Id, seller.Id, 1200, "EUR", "r1", false, now));
        await _app.PublishAsync(new AuctionLost("a1", itemId, ann.Id, 1000, 1200, "EUR", "outbid", now));
        await _app.WaitHandledAsync("NotifyWinner");
        await _app.WaitHandledAsync("NotifyLoser");
        await _app.WaitHandledAsync("NotifyOutbid", count: 2);

        var annInbox = (await annClient.InboxAsync()).GetProperty("items").EnumerateArray().ToList();
        annInbox.Select(n => n.GetProperty("kind").GetString()).ShouldBe(["auction_lost", "outbid"], ignoreOrder: true);
        annInbox.Single(n => n.GetProperty("kind").GetString() == "auction_lost").GetProperty("body").GetString()!.ShouldContain("at €12.00");
        var bobInbox = (await bobClient.InboxAsync()).GetProperty("items").EnumerateArray().ToList();
        bobInbox.Select(n => n.GetProperty("kind").GetString()).ShouldBe(["auction_won"]);
        bobInbox[0].GetProperty("body").GetString()!.ShouldContain("at €12.00");
        bobInbox[0].GetProperty("data").GetProperty("reservationId").GetString().ShouldBe("r1");
    }

    [Fact]
    public async Task A_late_bid_event_does_not_tell_the_current_leader_they_were_outbid()
    {
        var (ann, annClient) = await _app.SignUpAsync();
        var (bob, bobClient) = await _app.SignUpAsync();
        var now = DateTimeOffset.UtcNow;
        await _app.PublishAsync(new BidPlaced("a2", "item", "b2", bob.Id, 1200, bob.Id, 2, now, "EUR", ann.Id, now.AddMinutes(5)));
        await _app.PublishAsync(new BidPlaced("a2", "item", "b1", ann.Id, 1000, ann.Id, 1, now, "EUR", null, now.AddMinutes(5)));
        await _app.WaitHandledAsync("NotifyOutbid", count: 2);

        (await annClient.InboxAsync()).GetProperty("items").GetArrayLength().ShouldBe(0);
        (await bobClient.InboxAsync()).GetProperty("items").GetArrayLength().ShouldBe(0);
    }
}
