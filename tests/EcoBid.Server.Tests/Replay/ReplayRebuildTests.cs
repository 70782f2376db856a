using System.Net;
using EcoBid.Events.Monitoring;
using EcoBid.Server.Tests.Infrastructure;

namespace EcoBid.Server.Tests.Replay;

/// <summary>The reason replays exist: a read model dropped (or built by a fixed handler) is rebuilt from the archive.</summary>
public sealed class ReplayRebuildTests : IDisposable
{
    private static readonly string[] Woods = ["Oak", "Pine", "Birch", "Maple", "Walnut", "Cedar", "Teak", "Ash", "Elm", "Beech", "Cherry", "Spruce"];
    private readonly EcoBidApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Dropping_the_search_index_and_replaying_ItemCreated_to_Index_rebuilds_it_exactly()
    {
        var client = (await _app.AdminClientAsync());
        var eventIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var wood in Woods)
        {
            var itemId = await client.CreateItemAsync(Requests.Item(title: $"{wood} chair", description: $"A {wood.ToLowerInvariant()} chair, seat {wood.Length} cm deep."));
            eventIds.Add(await _app.Database.ItemCreatedEventIdAsync(itemId));
        }

        foreach (var eventId in eventIds)
        {
            await _app.WaitForHandledAsync(eventId, "Index");
            await _app.WaitForHandledAsync(eventId, "Moderate");
        }

        var indexed = await _app.Database.SearchIndexAsync();
        indexed.Count.ShouldBe(Woods.Length);
        await _app.Database.DropSearchIndexAsync();
        (await _app.Database.SearchIndexAsync()).ShouldBeEmpty();
        (await (await client.GetAsync("/items?q=walnut")).ReadJsonAsync()).GetProperty("items").GetArrayLength().ShouldBe(0);

        var started = await client.StartReplayAsync("rebuild-index", """{"detail-type":["ItemCreated"]}""", ["Index"]);

        started.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        started.Headers.Location!.ToString().ShouldBe("/admin/replays/rebuild-index");
        var accepted = await started.ReadJsonAsync();
        accepted.GetProperty("name").GetString().ShouldBe("rebuild-index");
        accepted.GetProperty("state").GetString().ShouldBeOneOf("pending", "running", "completed");

        var status = await client.WaitForReplayAsync("rebuild-index");
        // The archive also holds the admin's sign-up events; all are scanned, only the items' match.
        var archived = await _app.Database.CountAsync("SELECT COUNT(*) FROM event_archive");
        status.GetProperty("total").GetInt64().ShouldBe(archived);
        status.GetProperty("scanned").GetInt64().ShouldBe(archived);
        status.GetProperty("matched").GetInt64().ShouldBe(Woods.Length);
        status.GetProperty("delivered").GetInt64().ShouldBe(Woods.Length);
        status.GetProperty("progress").GetDouble().ShouldBe(1);
        status.GetProperty("startedAt").GetDateTimeOffset().ShouldBeLessThanOrEqualTo(status.GetProperty("finishedAt").GetDateTimeOffset());
        status.GetProperty("targets").EnumerateArray().Select(t => t.GetString()).ShouldBe(["Index"]);

        // Each event is handled by Index twice in all: once live, once replayed.
        await _app.WaitForAsync(a => a.Kind == RuntimeActivityKind.Handled && a.Queue == "Index" && eventIds.Contains(a.EventId), count: 2 * Woods.Length);
        (await _app.Database.SearchIndexAsync()).ShouldBe(indexed);

        var found = await (await client.GetAsync("/items?q=walnut")).ReadJsonAsync();
        found.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()).ShouldBe(["Walnut chair"]);
    }
}
