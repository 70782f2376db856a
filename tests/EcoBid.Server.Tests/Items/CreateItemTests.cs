using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EcoBid.Events.Monitoring;
using EcoBid.Server.Tests.Infrastructure;

namespace EcoBid.Server.Tests.Items;

public sealed class CreateItemTests : IDisposable
{
    private static readonly string[] Targets = ["ProcessNewItem", "Index", "Moderate", "UpdateStats"];
    private readonly EcoBidApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Posting_an_item_commits_it_with_ItemCreated_and_every_target_reacts_once()
    {
        var (user, client) = await _app.SignUpAsync();
        client.DefaultRequestHeaders.Add("X-Correlation-Id", "corr-create-1");

        var response = await client.PostAsJsonAsync("/items", Requests.Item(title: "Oak dining chair"));

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var created = await response.ReadJsonAsync();
        var itemId = created.GetProperty("id").GetString()!;
        response.Headers.Location!.ToString().ShouldBe($"/items/{itemId}");
        created.GetProperty("location").GetProperty("geohash").GetString().ShouldBe("u3qcnhhs5");
        created.GetProperty("sellerId").GetString().ShouldBe(user.Id);

        var eventId = await _app.Database.ItemCreatedEventIdAsync(itemId);
        foreach (var target in Targets)
        {
            await _app.WaitForHandledAsync(eventId, target);
        }

        var item = await (await client.GetAsync($"/items/{itemId}")).ReadJsonAsync();
        item.GetProperty("moderation").GetString().ShouldBe("approved");
        item.GetProperty("processedAt").ValueKind.ShouldBe(JsonValueKind.String);
        item.GetProperty("expiresAt").GetDateTimeOffset().ShouldBe(item.GetProperty("createdAt").GetDateTimeOffset().AddDays(30));

        var found = await (await client.GetAsync("/items?q=oak chair")).ReadJsonAsync();
        found.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ShouldBe([itemId]);

        var stats = await (await client.GetAsync("/stats")).ReadJsonAsync();
        stats.GetProperty("counters").GetProperty("events.ItemCreated").GetInt64().ShouldBe(1);
        stats.GetProperty("counters").GetProperty("items.category.furniture").GetInt64().ShouldBe(1);
        stats.GetProperty("indexedItems").GetInt64().ShouldBe(1);
    }

    [Fact]
    public async Task The_archived_event_has_the_seeds_envelope_and_carries_the_request_correlation_id()
    {
        var (user, client) = await _app.SignUpAsync();
        client.DefaultRequestHeaders.Add("X-Correlation-Id", "corr-envelope-7");
        var itemId = await client.CreateItemAsync(Requests.Item(title: "Kids bike", category: "sports", mode: "auction", lat: -33.8688, lon: 151.2093));
        var eventId = await _app.Database.ItemCreatedEventIdAsync(itemId);
        await _app.WaitForAsync(a => a.Kind == RuntimeActivityKind.Dispatched && a.EventId == eventId);

        using var envelope = JsonDocument.Parse(await _app.Database.ArchivedEnvelopeAsync(eventId));
        var root = envelope.RootElement;
        root.GetProperty("version").GetString().ShouldBe("0");
        root.GetProperty("id").GetString().ShouldBe(eventId);
        root.GetProperty("source").GetString().ShouldBe("ecobid.items");
        root.GetProperty("detail-type").GetString().ShouldBe("ItemCreated");
        root.GetProperty("time").GetDateTimeOffset().ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddMinutes(-1));
        root.GetProperty("correlation-id").GetString().ShouldBe("corr-envelope-7");
        var detail = root.GetProperty("detail");
        detail.GetProperty("itemId").GetString().ShouldBe(itemId);
        detail.GetProperty("sellerId").GetString().ShouldBe(user.Id);
        detail.GetProperty("title").GetString().ShouldBe("Kids bike");
        detail.GetProperty("category").GetString().ShouldBe("sports");
        detail.GetProperty("mode").GetString().ShouldBe("auction");
        detail.GetProperty("location").GetProperty("lat").GetDouble().ShouldBe(-33.8688);
        detail.GetProperty("location").GetProperty("lon").GetDouble().ShouldBe(151.2093);
        detail.GetProperty("location").GetProperty("geohash").GetString().ShouldBe("r3gx2f77b");
    }

    [Fact]
    public async Task An_item_with_a_blocked_term_is_flagged_and_kept_out_of_search()
    {
        var (_, client) = await _app.SignUpAsync();
        var itemId = await client.CreateItemAsync(Requests.Item(title: "Designer bag replica"));
        var eventId = await _app.Database.ItemCreatedEventIdAsync(itemId);
        await _app.WaitForHandledAsync(eventId, "Moderate");
        await _app.WaitForHandledAsync(eventId, "Index");

        var item = await (await client.GetAsync($"/items/{itemId}")).ReadJsonAsync();
        item.GetProperty("moderation").GetString().ShouldBe("flagged");
        var found = await (await client.GetAsync("/items?q=bag")).ReadJsonAsync();
        found.GetProperty("items").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Posting_an_item_needs_a_signed_in_person()
    {
        await (await _app.CreateClient().PostAsJsonAsync("/items", Requests.Item())).ShouldBeProblemAsync(401);
        (await _app.Database.CountAsync("SELECT COUNT(*) FROM items")).ShouldBe(0);
    }

    [Fact]
    public async Task An_unknown_item_is_a_404_problem()
    {
        var response = await _app.CreateClient().GetAsync("/items/does-not-exist");
        var problem = await response.ShouldBeProblemAsync(404);
        problem.GetProperty("detail").GetString()!.ShouldContain("does-not-exist");
    }

    [Fact]
    public async Task Search_text_is_matched_as_words_never_as_query_syntax()
    {
        var (_, client) = await _app.SignUpAsync();
        var itemId = await client.CreateItemAsync(Requests.Item(title: "Table lamp \"NEAR\" OR AND"));
        await _app.WaitForHandledAsync(await _app.Database.ItemCreatedEventIdAsync(itemId), "Index");
        await _app.WaitForHandledAsync(await _app.Database.ItemCreatedEventIdAsync(itemId), "Moderate");

        foreach (var query in new[] { "lamp\" OR \"x", "NEAR(", "* OR 1=1 --", "lamp AND" })
        {
            var response = await client.GetAsync($"/items?q={Uri.EscapeDataString(query)}");
            response.StatusCode.ShouldBe(HttpStatusCode.OK, query);
        }

        var found = await (await client.GetAsync("/items?q=" + Uri.EscapeDataString("lamp AND"))).ReadJsonAsync();
        found.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ShouldBe([itemId]);
    }
}
