using Dapper;
using EcoBid.Domain.Geo;
using EcoBid.Server.Tests.Infrastructure;

namespace EcoBid.Server.Tests.Search;

/// <summary>Category, mode, status and words narrow a search; only approved items are ever shown.</summary>
public sealed class SearchFilterTests : IDisposable
{
    private static readonly GeoPoint Centre = new(50.0647, 19.9450);
    private readonly EcoBidApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Category_mode_status_and_words_narrow_the_results_in_every_sort()
    {
        var (_, client) = await _app.SignUpAsync();
        var ids = await _app.PostSearchableAsync(
            client,
            SearchSteps.ItemAt(Centre.Move(0, 1), "Oak bookshelf", "furniture", "free", "Five shelves."),
            SearchSteps.ItemAt(Centre.Move(90, 2), "Atlas of the world", "books", "auction", "Hardback, oak-coloured cover."),
            SearchSteps.ItemAt(Centre.Move(180, 3), "Wooden train", "toys", "free", "Beech track and an engine."),
            SearchSteps.ItemAt(Centre.Move(270, 4), "Picture book", "books", "free", "For small children."),
            SearchSteps.ItemAt(Centre.Move(45, 5), "Pine desk", "furniture", "auction", "Reserved for a neighbour."));
        var (shelf, atlas, train, picture, desk) = (ids[0], ids[1], ids[2], ids[3], ids[4]);
        await _app.Database.WriteAsync(scope => scope.Connection.ExecuteAsync("UPDATE items SET status = 'reserved' WHERE id = @desk", new { desk }, scope.Transaction));

        var cases = new (string Query, string[] Expected)[]
        {
            ("", [shelf, atlas, train, picture]),
            ("category=books", [atlas, picture]),
            ("category=books,toys", [atlas, train, picture]),
            ("category=books&category=toys", [atlas, train, picture]),
            ("mode=auction", [atlas]),
            ("mode=free&category=furniture", [shelf]),
            ("status=reserved", [desk]),
            ("status=reserved&category=books", []),
            ("q=oak", [shelf, atlas]),
            ("q=OAK%20Shelves", [shelf]),
            ("q=oak&category=books", [atlas]),
            ("q=oak&mode=free", [shelf]),
            ("q=book", [picture]),
            ("q=desk&status=reserved", [desk]),
            ("q=nothing-like-this", []),
        };
        foreach (var (query, expected) in cases)
        {
            foreach (var sort in new[] { "distance", "newest" }.Concat(query.Contains("q=", StringComparison.Ordinal) ? ["relevance"] : Array.Empty<string>()))
            {
                var found = await client.SearchAsync($"{SearchSteps.Near(Centre, 10)}&{query}&sort={sort}");
                found.Ids().ShouldBe(expected, ignoreOrder: true, $"{query} sorted by {sort}");
            }

            // Without a centre, the same filters apply everywhere.
            (await client.SearchAsync(query)).Ids().ShouldBe(expected, ignoreOrder: true, query);
        }
    }

    [Fact]
    public async Task Flagged_and_not_yet_moderated_items_are_never_shown()
    {
        var (_, client) = await _app.SignUpAsync();
        var ids = await _app.PostSearchableAsync(
            client,
            SearchSteps.ItemAt(Centre.Move(0, 1), "Designer bag replica", "clothing"),
            SearchSteps.ItemAt(Centre.Move(0, 2), "Leather bag", "clothing"),
            SearchSteps.ItemAt(Centre.Move(0, 3), "Canvas bag", "clothing"));
        var (flagged, approved, pending) = (ids[0], ids[1], ids[2]);
        (await (await client.GetAsync($"/items/{flagged}")).ReadJsonAsync()).GetProperty("moderation").GetString().ShouldBe("flagged");
        await _app.Database.WriteAsync(scope => scope.Connection.ExecuteAsync("UPDATE items SET moderation = 'pending' WHERE id = @pending", new { pending }, scope.Transaction));

        foreach (var query in new[] { SearchSteps.Near(Centre, 10), "q=bag", $"{SearchSteps.Near(Centre, 10)}&q=bag", $"{SearchSteps.Near(Centre, 10)}&q=bag&sort=relevance", "sort=newest", $"{SearchSteps.Near(Centre, 10)}&sort=newest&category=clothing" })
        {
            (await client.SearchAsync(query)).Ids().ShouldBe([approved], query);
        }
    }

    [Fact]
    public async Task Words_are_matched_as_words_never_as_query_syntax()
    {
        var (_, client) = await _app.SignUpAsync();
        var ids = await _app.PostSearchableAsync(client, SearchSteps.ItemAt(Centre, "Table lamp \"NEAR\" OR AND"));

        foreach (var words in new[] { "lamp\" OR \"x", "NEAR(", "* OR 1=1 --", "cells : u", "category : furniture", "{title} : lamp", "lamp AND" })
        {
            var response = await client.GetAsync($"/items?{SearchSteps.Near(Centre, 5)}&q={Uri.EscapeDataString(words)}");
            ((int)response.StatusCode).ShouldBe(200, words);
        }

        (await client.SearchAsync($"{SearchSteps.Near(Centre, 5)}&q={Uri.EscapeDataString("lamp AND")}")).Ids().ShouldBe(ids);
        (await client.SearchAsync($"q={Uri.EscapeDataString("near or")}")).Ids().ShouldBe(ids);
    }
}
