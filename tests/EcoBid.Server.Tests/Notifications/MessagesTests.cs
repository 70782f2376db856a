using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EcoBid.Server.Tests.Infrastructure;
using EcoBid.Server.Tests.Reservations;

namespace EcoBid.Server.Tests.Notifications;

public sealed class MessagesTests : IDisposable
{
    private readonly EcoBidApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_message_is_accepted_at_once_then_saved_and_both_sides_see_it_live()
    {
        var (owner, ownerClient) = await _app.SignUpAsync(displayName: "Giver");
        var (taker, takerClient) = await _app.SignUpAsync(displayName: "Taker");
        var itemId = await ownerClient.CreateItemAsync();
        await using var ownerLive = await LiveClient.ConnectAsync(_app, owner.AccessToken);
        await using var takerLive = await LiveClient.ConnectAsync(_app, taker.AccessToken);

        var conversationId = await StartAsync(takerClient, itemId);
        var accepted = await takerClient.PostAsJsonAsync($"/conversations/{conversationId}/messages", new { body = "Is it still there?" });
        accepted.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var pending = await accepted.ReadJsonAsync();
        pending.GetProperty("status").GetString().ShouldBe("pending");
        var messageId = pending.GetProperty("id").GetString();

        foreach (var live in new[] { ownerLive, takerLive })
        {
            var frame = (await live.NextAsync("message")).GetProperty("message");
            frame.GetProperty("id").GetString().ShouldBe(messageId);
            frame.GetProperty("status").GetString().ShouldBe("saved");
            frame.GetProperty("body").GetString().ShouldBe("Is it still there?");
        }

        var notice = await ownerLive.NextNotificationAsync("message");
        notice.GetProperty("title").GetString().ShouldBe("Taker wrote about \"Oak dining chair\"");
        var history = await (await ownerClient.GetAsync($"/conversations/{conversationId}/messages")).ReadJsonAsync();
        history.GetProperty("items")[0].GetProperty("id").GetString().ShouldBe(messageId);
        (await (await ownerClient.GetAsync("/conversations")).ReadJsonAsync())[0].GetProperty("id").GetString().ShouldBe(conversationId);
    }

    [Fact]
    public async Task Blocked_people_cannot_message_each_other_either_way()
    {
        var (owner, ownerClient) = await _app.SignUpAsync();
        var (taker, takerClient) = await _app.SignUpAsync();
        var itemId = await ownerClient.CreateItemAsync();
        var conversationId = await StartAsync(takerClient, itemId);

        (await ownerClient.PostAsync($"/users/{taker.Id}/block", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await (await takerClient.PostAsJsonAsync($"/conversations/{conversationId}/messages", new { body = "hello?" })).ShouldBeProblemAsync(403);
        await (await ownerClient.PostAsJsonAsync($"/conversations/{conversationId}/messages", new { body = "hello?" })).ShouldBeProblemAsync(403);
        await (await takerClient.PostAsJsonAsync($"/items/{itemId}/conversations", new { visibility = "private" })).ShouldBeProblemAsync(403);
        var questions = await StartAsync(takerClient, itemId, "public");
        await (await takerClient.PostAsJsonAsync($"/conversations/{questions}/messages", new { body = "hello?" })).ShouldBeProblemAsync(403);
        (await _app.Database.CountAsync("SELECT COUNT(*) FROM messages")).ShouldBe(0);

        (await (await ownerClient.GetAsync("/users/me/blocks")).ReadJsonAsync())[0].GetProperty("userId").GetString().ShouldBe(taker.Id);
        (await ownerClient.DeleteAsync($"/users/{taker.Id}/block")).EnsureSuccessStatusCode();
        (await takerClient.PostAsJsonAsync($"/conversations/{conversationId}/messages", new { body = "hello?" })).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await (await ownerClient.PostAsync($"/users/{owner.Id}/block", null)).ShouldBeProblemAsync(400);
    }

    [Fact]
    public async Task A_block_made_after_a_message_was_accepted_fails_it_and_only_the_sender_hears()
    {
        var (owner, ownerClient) = await _app.SignUpAsync();
        var (taker, takerClient) = await _app.SignUpAsync();
        var conversationId = await StartAsync(takerClient, await ownerClient.CreateItemAsync());
        await using var takerLive = await LiveClient.ConnectAsync(_app, taker.AccessToken);

        // The message is accepted and, before SaveMessage runs, the owner blocks the taker (one transaction here, so
        // the order is certain).
        var messageId = Guid.CreateVersion7().ToString();
        await _app.Database.WriteAsync(async scope =>
        {
            await Dapper.SqlMapper.ExecuteAsync(scope.Connection,
                "INSERT INTO messages (id, conversation_id, sender_id, body, status, created_at) VALUES (@messageId, @conversationId, @sender, 'hello', 'pending', 0); INSERT INTO user_blocks (blocker_id, blocked_id, created_at) VALUES (@owner, @sender, 0)",
                new { messageId, conversationId, sender = taker.Id, owner = owner.Id }, scope.Transaction);
            await EcoBid.Server.Events.DomainEventPublishing.PublishAsync(scope, new EcoBid.Domain.Events.MessageSent(messageId, conversationId, taker.Id, [owner.Id], scope.Now));
            return 0;
        });

        var failed = (await takerLive.NextAsync("message")).GetProperty("message");
        failed.GetProperty("id").GetString().ShouldBe(messageId);
        failed.GetProperty("status").GetString().ShouldBe("failed");
        (await (await takerClient.GetAsync($"/conversations/{conversationId}/messages/{messageId}")).ReadJsonAsync()).GetProperty("status").GetString().ShouldBe("failed");
        await (await ownerClient.GetAsync($"/conversations/{conversationId}/messages/{messageId}")).ShouldBeProblemAsync(404);
        (await _app.EventCountAsync("MessageFailed")).ShouldBe(1);
    }

    [Fact]
    public async Task A_private_conversation_does_not_exist_for_anyone_else()
    {
        var (_, ownerClient) = await _app.SignUpAsync();
        var (_, takerClient) = await _app.SignUpAsync();
        var (_, strangerClient) = await _app.SignUpAsync();
        var itemId = await ownerClient.CreateItemAsync();
        var conversationId = await StartAsync(takerClient, itemId);
        (await takerClient.PostAsJsonAsync($"/conversations/{conversationId}/messages", new { body = "private" })).EnsureSuccessStatusCode();
        await _app.WaitHandledAsync("SaveMessage");
        var messageId = (await (await takerClient.GetAsync($"/conversations/{conversationId}/messages")).ReadJsonAsync()).GetProperty("items")[0].GetProperty("id").GetString();

        await (await strangerClient.GetAsync($"/conversations/{conversationId}")).ShouldBeProblemAsync(404);
        await (await strangerClient.GetAsync($"/conversations/{conversationId}/messages")).ShouldBeProblemAsync(404);
        await (await strangerClient.GetAsync($"/conversations/{conversationId}/messages/{messageId}")).ShouldBeProblemAsync(404);
        await (await strangerClient.PostAsJsonAsync($"/conversations/{conversationId}/messages", new { body = "me too" })).ShouldBeProblemAsync(404);
        (await (await strangerClient.GetAsync("/conversations")).ReadJsonAsync()).GetArrayLength().ShouldBe(0);
        await (await ownerClient.PostAsJsonAsync($"/items/{itemId}/conversations", new { })).ShouldBeProblemAsync(403);
        (await (await takerClient.PostAsJsonAsync($"/items/{itemId}/conversations", new { })).ReadJsonAsync()).GetProperty("id").GetString().ShouldBe(conversationId);
    }

    [Fact]
    public async Task An_items_questions_are_read_by_everyone_and_page_by_cursor()
    {
        var (_, ownerClient) = await _app.SignUpAsync();
        var (_, askerClient) = await _app.SignUpAsync();
        var (_, readerClient) = await _app.SignUpAsync();
        var itemId = await ownerClient.CreateItemAsync();
        var questions = await StartAsync(askerClient, itemId, "public");
        (await StartAsync(readerClient, itemId, "public")).ShouldBe(questions);
        for (var i = 1; i <= 5; i++)
        {
            (await askerClient.PostAsJsonAsync($"/conversations/{questions}/messages", new { body = $"Question {i}" })).EnsureSuccessStatusCode();
        }

        await _app.WaitHandledAsync("SaveMessage", count: 5);
        var bodies = new List<string>();
        string? cursor = null;
        do
        {
            var page = await (await readerClient.GetAsync($"/conversations/{questions}/messages?limit=2" + (cursor is null ? string.Empty : $"&cursor={cursor}"))).ReadJsonAsync();
            bodies.AddRange(page.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("body").GetString()!));
            cursor = page.GetProperty("nextCursor").ValueKind == JsonValueKind.Null ? null : page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        bodies.ShouldBe(["Question 5", "Question 4", "Question 3", "Question 2", "Question 1"]);
        await (await readerClient.PostAsJsonAsync($"/conversations/{questions}/messages", new { body = "" })).ShouldBeProblemAsync(400);
    }

    private static async Task<string> StartAsync(HttpClient client, string itemId, string visibility = "private")
    {
        var response = await client.PostAsJsonAsync($"/items/{itemId}/conversations", new { visibility });
        response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync()).GetProperty("id").GetString()!;
    }
}
