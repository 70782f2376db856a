using EcoBid.Server.Tests.Infrastructure;
using EcoBid.Server.Tests.Reservations;

namespace EcoBid.Server.Tests.Notifications;

public sealed class InboxTests : IDisposable
{
    private readonly EcoBidApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task The_inbox_pages_newest_first_counts_unread_and_marks_read()
    {
        var (_, sellerClient) = await _app.SignUpAsync();
        var buyers = new List<HttpClient>();
        for (var i = 0; i < 5; i++)
        {
            var (_, buyer) = await _app.SignUpAsync();
            await buyer.ReserveAsync(await sellerClient.CreateItemAsync());
        }

        await _app.WaitHandledAsync("NotifySeller", count: 5);
        (await sellerClient.UnreadAsync()).ShouldBe(5);

        var first = await sellerClient.InboxAsync(limit: 2);
        var second = await sellerClient.InboxAsync(first.GetProperty("nextCursor").GetString(), limit: 2);
        var third = await sellerClient.InboxAsync(second.GetProperty("nextCursor").GetString(), limit: 2);
        var ids = new[] { first, second, third }.SelectMany(p => p.GetProperty("items").EnumerateArray()).Select(n => n.GetProperty("id").GetInt64()).ToList();
        ids.Count.ShouldBe(5);
        ids.ShouldBeInOrder(SortDirection.Descending);
        third.GetProperty("nextCursor").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);

        (await sellerClient.PostAsync($"/notifications/{ids[0]}/read", null)).StatusCode.ShouldBe(System.Net.HttpStatusCode.NoContent);
        (await sellerClient.UnreadAsync()).ShouldBe(4);
        (await (await sellerClient.PostAsync("/notifications/read-all", null)).ReadJsonAsync()).GetProperty("marked").GetInt32().ShouldBe(4);
        (await sellerClient.UnreadAsync()).ShouldBe(0);
        (await sellerClient.InboxAsync()).GetProperty("items")[0].GetProperty("read").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task Nobody_reads_or_marks_another_persons_notifications()
    {
        var (_, sellerClient) = await _app.SignUpAsync();
        var (_, buyerClient) = await _app.SignUpAsync();
        await buyerClient.ReserveAsync(await sellerClient.CreateItemAsync());
        await _app.WaitHandledAsync("NotifySeller");
        var id = (await sellerClient.InboxAsync()).GetProperty("items")[0].GetProperty("id").GetInt64();

        (await buyerClient.InboxAsync()).GetProperty("items").GetArrayLength().ShouldBe(0);
        await (await buyerClient.PostAsync($"/notifications/{id}/read", null)).ShouldBeProblemAsync(404);
        (await (await buyerClient.PostAsync("/notifications/read-all", null)).ReadJsonAsync()).GetProperty("marked").GetInt32().ShouldBe(0);
        (await sellerClient.UnreadAsync()).ShouldBe(1);

        using var anonymous = _app.CreateClient();
        (await anonymous.GetAsync("/notifications")).StatusCode.ShouldBe(System.Net.HttpStatusCode.Unauthorized);
        await (await sellerClient.GetAsync("/notifications?cursor=abc")).ShouldBeProblemAsync(400);
    }

    [Fact]
    public async Task Each_person_chooses_the_channels_of_each_kind()
    {
        var (seller, sellerClient) = await _app.SignUpAsync();
        var (_, buyerClient) = await _app.SignUpAsync();
        (await sellerClient.SetPreferencesAsync(seller.Id, new Dictionary<string, string[]> { ["reservation_created"] = ["push"] })).EnsureSuccessStatusCode();
        await using var live = await LiveClient.ConnectAsync(_app, seller.AccessToken);

        await buyerClient.ReserveAsync(await sellerClient.CreateItemAsync());
        (await live.NextNotificationAsync("reservation_created")).GetProperty("email").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        (await sellerClient.InboxAsync()).GetProperty("items").GetArrayLength().ShouldBe(0);

        (await sellerClient.SetPreferencesAsync(seller.Id, new Dictionary<string, string[]> { ["reservation_created"] = [] })).EnsureSuccessStatusCode();
        var (_, other) = await _app.SignUpAsync();
        await other.ReserveAsync(await sellerClient.CreateItemAsync());
        await _app.WaitHandledAsync("NotifySeller", count: 2);
        (await _app.Database.CountAsync("SELECT COUNT(*) FROM notifications WHERE user_id = @Id", seller)).ShouldBe(1);
    }
}
