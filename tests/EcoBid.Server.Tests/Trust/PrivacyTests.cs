using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EcoBid.Server.Tests.Auctions;
using EcoBid.Server.Tests.Infrastructure;
using EcoBid.Server.Tests.Notifications;
using EcoBid.Server.Tests.Reservations;

namespace EcoBid.Server.Tests.Trust;

public sealed class PrivacyTests : IDisposable
{
    private readonly EcoBidApp _app = new EcoBidApp().With("Auctions:MinDuration", "00:00:01");

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Watchers_see_bidders_as_aliases_and_only_a_bidder_sees_their_own_figures()
    {
        var (_, sellerClient) = await _app.SignUpAsync();
        var (ann, annClient) = await _app.SignUpAsync();
        var (bob, bobClient) = await _app.SignUpAsync();
        var (watcher, _) = await _app.SignUpAsync();
        var itemId = await sellerClient.AuctionItemAsync(AuctionSteps.Terms(durationSeconds: 3, softClose: new { windowSeconds = 0 }));
        await using var annLive = await WatchAsync(ann.AccessToken, itemId);
        await using var bobLive = await WatchAsync(bob.AccessToken, itemId);
        await using var watcherLive = await WatchAsync(watcher.AccessToken, itemId);

        await annClient.BidOkAsync(itemId, 20_00);
        await bobClient.BidOkAsync(itemId, 30_00);

        var seen = await watcherLive.NextAsync("item", f => Event(f) == "BidPlaced" && f.GetProperty("detail").GetProperty("bidCount").GetInt32() == 2);
        var bobsOwn = await bobLive.NextAsync("item", f => Event(f) == "BidPlaced" && f.GetProperty("detail").GetProperty("bidCount").GetInt32() == 2);
        var annsOwn = await annLive.NextAsync("item", f => Event(f) == "BidPlaced" && f.GetProperty("detail").GetProperty("bidCount").GetInt32() == 2);

        var detail = seen.GetProperty("detail");
        detail.GetProperty("bidder").GetString().ShouldBe("bidder 2");
        detail.GetProperty("leader").GetString().ShouldBe("bidder 2");
        detail.TryGetProperty("youLead", out _).ShouldBeFalse();
        detail.TryGetProperty("yourMaximum", out _).ShouldBeFalse();
        bobsOwn.GetProperty("detail").GetProperty("youLead").GetBoolean().ShouldBeTrue();
        bobsOwn.GetProperty("detail").GetProperty("yourMaximum").GetInt64().ShouldBe(30_00);
        annsOwn.GetProperty("detail").GetProperty("youLead").GetBoolean().ShouldBeFalse();
        annsOwn.GetProperty("detail").GetProperty("yourMaximum").GetInt64().ShouldBe(20_00);

        var ended = await watcherLive.NextAsync("item", f => Event(f) == "AuctionEnded", seconds: 30);
        ended.GetProperty("detail").GetProperty("winner").GetString().ShouldBe("bidder 2");
        ended.GetProperty("detail").TryGetProperty("youWon", out _).ShouldBeFalse();
        var bobsEnd = await bobLive.NextAsync("item", f => Event(f) == "AuctionEnded", seconds: 30);
        bobsEnd.GetProperty("detail").GetProperty("youWon").GetBoolean().ShouldBeTrue();
        bobsEnd.GetProperty("detail").GetProperty("reservationId").GetString().ShouldNotBeNullOrEmpty();

        // No frame a watcher saw carries a bidder's user id.
        foreach (var frame in watcherLive.Drain().Append(seen).Append(ended))
        {
            var text = frame.GetRawText();
            text.ShouldNotContain(ann.Id);
            text.ShouldNotContain(bob.Id);
        }
    }

    [Fact]
    public async Task Watchers_of_a_free_item_see_its_line_move_but_never_who_reserved_joined_or_left()
    {
        var (_, giverClient) = await _app.SignUpAsync();
        var (holder, holderClient) = await _app.SignUpAsync();
        var (waiter, waiterClient) = await _app.SignUpAsync();
        var (watcher, _) = await _app.SignUpAsync();
        var itemId = await giverClient.CreateItemAsync();
        await using var watcherLive = await WatchAsync(watcher.AccessToken, itemId);

        var reservationId = (await holderClient.ReserveAsync(itemId)).GetProperty("id").GetString()!;
        (await waiterClient.PostAsync($"/items/{itemId}/waitlist", null)).EnsureSuccessStatusCode();
        (await waiterClient.DeleteAsync($"/items/{itemId}/waitlist")).EnsureSuccessStatusCode();
        (await waiterClient.DeleteAsync($"/items/{itemId}/waitlist")).EnsureSuccessStatusCode(); // not in line: no event
        (await holderClient.ActAsync(reservationId, "cancel", new { reason = "Changed my mind" })).EnsureSuccessStatusCode();

        var frames = new List<JsonElement>();
        foreach (var type in new[] { "ReservationCreated", "WaitlistJoined", "WaitlistLeft", "ReservationCancelled" })
        {
            frames.Add(await watcherLive.NextAsync("item", f => Event(f) == type, seconds: 30));
        }

        foreach (var frame in frames.Concat(watcherLive.Drain()))
        {
            frame.GetProperty("detail").EnumerateObject().Select(p => p.Name).ShouldBe(["itemId"]);
            frame.GetRawText().ShouldNotContain(holder.Id);
            frame.GetRawText().ShouldNotContain(waiter.Id);
        }

        (await _app.EventCountAsync("WaitlistJoined"), await _app.EventCountAsync("WaitlistLeft")).ShouldBe((1, 1));
    }

    [Fact]
    public async Task A_flagged_item_does_not_exist_for_others_but_its_owner_and_admins_see_it()
    {
        var (_, ownerClient) = await _app.SignUpAsync();
        var (_, otherClient) = await _app.SignUpAsync();
        var admin = await _app.AdminClientAsync();
        var freeId = await ownerClient.CreateItemAsync(Requests.Item(title: "Replica watch"));
        var auctionId = await ownerClient.AuctionItemAsync(title: "Replica handbag");
        await _app.WaitHandledAsync("Moderate", count: 2);
        using var anonymous = _app.CreateClient();

        foreach (var id in new[] { freeId, auctionId })
        {
            (await (await ownerClient.GetAsync($"/items/{id}")).ReadJsonAsync()).GetProperty("moderation").GetString().ShouldBe("flagged");
            (await admin.GetAsync($"/items/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
            await (await otherClient.GetAsync($"/items/{id}")).ShouldBeProblemAsync(404);
            await (await anonymous.GetAsync($"/items/{id}")).ShouldBeProblemAsync(404);
            await (await otherClient.PostAsJsonAsync($"/items/{id}/conversations", new { visibility = "private" })).ShouldBeProblemAsync(404);
        }

        await (await otherClient.PostAsync($"/items/{freeId}/reserve", null)).ShouldBeProblemAsync(404);
        await (await otherClient.PostAsync($"/items/{freeId}/waitlist", null)).ShouldBeProblemAsync(404);
        await (await otherClient.BidAsync(auctionId, 50_00)).ShouldBeProblemAsync(404);
        await (await otherClient.BuyNowAsync(auctionId)).ShouldBeProblemAsync(404);
        await (await anonymous.GetAsync($"/items/{auctionId}/bids")).ShouldBeProblemAsync(404);
        (await _app.Database.CountAsync("SELECT COUNT(*) FROM reservations")).ShouldBe(0);
        (await _app.Database.CountAsync("SELECT COUNT(*) FROM bids")).ShouldBe(0);
    }

    [Fact]
    public async Task A_block_keeps_the_blocked_person_from_reserving_waitlisting_and_bidding_on_the_blockers_items()
    {
        var (owner, ownerClient) = await _app.SignUpAsync();
        var (blocked, blockedClient) = await _app.SignUpAsync();
        var (_, otherClient) = await _app.SignUpAsync();
        var freeId = await ownerClient.CreateItemAsync();
        var takenId = await ownerClient.CreateItemAsync();
        await otherClient.ReserveAsync(takenId);
        var auctionId = await ownerClient.AuctionItemAsync();
        (await ownerClient.PostAsync($"/users/{blocked.Id}/block", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var refusals = new[]
        {
            await blockedClient.PostAsync($"/items/{freeId}/reserve", null),
            await blockedClient.PostAsync($"/items/{takenId}/waitlist", null),
            await blockedClient.BidAsync(auctionId, 20_00),
            await blockedClient.BuyNowAsync(auctionId),
        };
        foreach (var refusal in refusals)
        {
            (await refusal.ShouldBeProblemAsync(403)).GetProperty("detail").GetString()!.ShouldContain("has blocked you");
        }

        // The blocker cannot reach into the blocked person's items either.
        var blockedItem = await blockedClient.CreateItemAsync();
        (await (await ownerClient.PostAsync($"/items/{blockedItem}/reserve", null)).ShouldBeProblemAsync(403)).GetProperty("detail").GetString()!.ShouldContain("You blocked");
        var blockedAuction = await blockedClient.AuctionItemAsync();
        (await (await ownerClient.BidAsync(blockedAuction, 20_00)).ShouldBeProblemAsync(403)).GetProperty("detail").GetString()!.ShouldContain("You blocked");

        // Blocked both ways: the bidder hears of the item owner's block.
        (await blockedClient.PostAsync($"/users/{owner.Id}/block", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await (await ownerClient.BidAsync(blockedAuction, 20_00)).ShouldBeProblemAsync(403)).GetProperty("detail").GetString()!.ShouldContain("has blocked you");
        (await _app.Database.CountAsync("SELECT COUNT(*) FROM bids")).ShouldBe(0);
        (await _app.Database.CountAsync("SELECT COUNT(*) FROM waitlist")).ShouldBe(0);
        (await otherClient.PostAsync($"/items/{freeId}/reserve", null)).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task The_waitlist_skips_someone_the_giver_blocked()
    {
        var (_, ownerClient) = await _app.SignUpAsync();
        var (_, holderClient) = await _app.SignUpAsync();
        var (blocked, blockedClient) = await _app.SignUpAsync();
        var (waiting, waitingClient) = await _app.SignUpAsync();
        var itemId = await ownerClient.CreateItemAsync();
        var held = await holderClient.ReserveAsync(itemId);
        (await blockedClient.PostAsync($"/items/{itemId}/waitlist", null)).EnsureSuccessStatusCode();
        (await waitingClient.PostAsync($"/items/{itemId}/waitlist", null)).EnsureSuccessStatusCode();
        (await ownerClient.PostAsync($"/users/{blocked.Id}/block", null)).EnsureSuccessStatusCode();

        (await holderClient.ActAsync(held.GetProperty("id").GetString()!, "cancel", new { reason = "Sorry" })).EnsureSuccessStatusCode();

        var holders = await _app.Database.ReadAsync(c => Dapper.SqlMapper.QueryAsync<string>(c, "SELECT buyer_id FROM reservations WHERE status = 'active'"));
        holders.ShouldBe([waiting.Id]);
    }

    [Fact]
    public async Task Someone_blocked_by_the_owner_does_not_hear_the_owners_public_answers()
    {
        var (owner, ownerClient) = await _app.SignUpAsync(displayName: "Owner");
        var (blocked, blockedClient) = await _app.SignUpAsync(displayName: "Blocked");
        var (asker, askerClient) = await _app.SignUpAsync(displayName: "Asker");
        var itemId = await ownerClient.CreateItemAsync();
        var questions = (await (await blockedClient.PostAsJsonAsync($"/items/{itemId}/conversations", new { visibility = "public" })).ReadJsonAsync()).GetProperty("id").GetString()!;
        (await blockedClient.PostAsJsonAsync($"/conversations/{questions}/messages", new { body = "Does it fold?" })).EnsureSuccessStatusCode();
        (await askerClient.PostAsJsonAsync($"/conversations/{questions}/messages", new { body = "And the colour?" })).EnsureSuccessStatusCode();
        await _app.WaitHandledAsync("NotifyMessageRecipients", count: 2);
        (await ownerClient.PostAsync($"/users/{blocked.Id}/block", null)).EnsureSuccessStatusCode();
        await using var blockedLive = await LiveClient.ConnectAsync(_app, blocked.AccessToken);
        await blockedLive.SendAsync(new { type = "watch", itemId });
        await blockedLive.NextAsync("watching");
        await using var askerLive = await LiveClient.ConnectAsync(_app, asker.AccessToken);

        (await ownerClient.PostAsJsonAsync($"/conversations/{questions}/messages", new { body = "Yes, and it is green." })).EnsureSuccessStatusCode();

        (await askerLive.NextNotificationAsync("message")).GetProperty("body").GetString()!.ShouldContain("green");
        await _app.WaitHandledAsync("NotifyMessageRecipients", count: 3);
        (await blockedClient.InboxAsync()).GetProperty("items").EnumerateArray()
            .ShouldNotContain(n => n.GetProperty("body").GetString()!.Contains("green", StringComparison.Ordinal));
        blockedLive.Drain().ShouldNotContain(f => f.GetRawText().Contains("green", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_lockout_answers_the_same_for_an_address_without_an_account()
    {
        var (known, _) = await _app.SignUpAsync();
        var unknown = $"nobody-{Guid.NewGuid():N}@example.com";
        using var client = _app.CreateClient();

        var knownAnswers = await AttemptsAsync(client, known.Email, 6);
        var unknownAnswers = await AttemptsAsync(client, unknown, 6);

        knownAnswers.Select(a => a.Status).ShouldBe(unknownAnswers.Select(a => a.Status));
        knownAnswers.Take(4).ShouldAllBe(a => a.Status == HttpStatusCode.Unauthorized);
        knownAnswers.Skip(4).ShouldAllBe(a => a.Status == HttpStatusCode.Locked);
        knownAnswers.Select(a => a.Title).ShouldBe(unknownAnswers.Select(a => a.Title));
        unknownAnswers[^1].RetryAfter!.Value.ShouldBe(knownAnswers[^1].RetryAfter!.Value, tolerance: TimeSpan.FromSeconds(2));
        (await _app.Database.CountAsync("SELECT COUNT(*) FROM login_failures")).ShouldBe(2);
        (await _app.Database.CountAsync("SELECT COUNT(*) FROM login_failures WHERE email_key LIKE '%@%'")).ShouldBe(0);
    }

    private static async Task<List<(HttpStatusCode Status, string? Title, TimeSpan? RetryAfter)>> AttemptsAsync(HttpClient client, string email, int count)
    {
        var answers = new List<(HttpStatusCode, string?, TimeSpan?)>();
        for (var i = 0; i < count; i++)
        {
            var response = await client.PostAsJsonAsync("/auth/login", new { email, password = "Wrong-pass-1" });
            var body = await response.ReadJsonAsync();
            answers.Add((response.StatusCode, body.GetProperty("title").GetString(), response.Headers.RetryAfter?.Delta));
        }

        return answers;
    }

    private async Task<LiveClient> WatchAsync(string token, string itemId)
    {
        var live = await LiveClient.ConnectAsync(_app, token);
        await live.SendAsync(new { type = "watch", itemId });
        await live.NextAsync("watching");
        return live;
    }

    private static string? Event(JsonElement frame) => frame.GetProperty("event").GetString();
}
