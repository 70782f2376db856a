using Dapper;
using EcoBid.Domain.Geo;
using EcoBid.Domain.Items;
using EcoBid.Events.Signals;
using EcoBid.Events.Sqlite;
using EcoBid.Server.Hosting;
using EcoBid.Server.Items;
using EcoBid.Server.Items.Search;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace EcoBid.Server.Tests.Search;

/// <summary>
/// Thousands of items packed around one place, so that searches must narrow and widen their rings and skip what they
/// read before; every page of random searches must equal the slice of the obvious answer (all rows, ordered in memory).
/// </summary>
public sealed class SearchAgreesWithFullScanTests : IAsyncLifetime
{
    private const int Items = 9000;
    private static readonly GeoPoint Centre = new(59.3293, 18.0686);
    private static readonly string[] Words = ["lamp", "oak", "brass", "chair", "rare"];
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "ecobid-tests", Guid.NewGuid().ToString("N"));
    private SqliteDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = new SqliteDatabase(Options.Create(new SqliteOptions { Path = Path.Combine(_directory, "ecobid.db") }), new RuntimeSignals(), TimeProvider.System);
        await _database.MigrateAsync(EcoBidSchema.Scripts);
        var random = new Random(5);
        await _database.WriteAsync(async scope =>
        {
            for (var i = 0; i < Items; i++)
            {
                // Most within 400 m, the rest up to 3 and 30 km out; a tenth on a few identical spots.
                var reach = (i % 10) switch { 0 => 0, < 8 => 0.4, 8 => 3, _ => 30 };
                var point = reach == 0 ? Centre.Move(i % 4 * 90, 0.25) : Centre.Move(random.NextDouble() * 360, reach * Math.Sqrt(random.NextDouble()));
                var words = string.Join(' ', Words.Where((_, w) => w == 4 ? i % 97 == 0 : random.NextDouble() < 0.6));
                var item = new ItemRecord
                {
                    Id = $"item-{i:D5}",
                    Title = words,
                    Description = random.NextDouble() < 0.5 ? "oak" : "pine",
                    Category = ItemCategory.All[i % 3],
                    Mode = i % 4 == 0 ? ItemMode.Auction : ItemMode.Free,
                    Status = i % 9 == 0 ? ItemStatus.Reserved : ItemStatus.Available,
                    Lat = point.Lat,
                    Lon = point.Lon,
                    Geohash = Geohash.Encode(point),
                    Moderation = i % 31 == 0 ? "flagged" : "approved",
                    CreatedAt = i,
                    UpdatedAt = i,
                };
                await ItemStore.InsertAsync(scope.Connection, scope.Transaction, item);
                await scope.Connection.ExecuteAsync(
                    $"INSERT INTO item_search (rowid, item_id, title, description, cells, category, mode) SELECT seq, id, title, description, {SearchCells.FromGeohashSql("geohash")}, category, mode FROM items WHERE id = @Id",
                    item,
                    scope.Transaction);
            }

            return 0;
        });
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Every_page_of_random_searches_equals_a_full_scan()
    {
        var random = new Random(11);
        for (var i = 0; i < 60; i++)
        {
            var centre = Centre.Move(random.NextDouble() * 360, random.NextDouble() * 2);
            var withWords = i % 3 != 0;
            var sort = (i % 4) switch { 0 or 1 => "distance", 2 => "newest", _ => withWords ? "relevance" : "distance" };
            var request = new SearchItemsRequest(
                Lat: centre.Lat.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
                Lon: centre.Lon.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
                RadiusKm: (0.2 + (random.NextDouble() * 25)).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture),
                Category: i % 5 == 0 ? "furniture,books" : i % 5 == 1 ? "electronics" : null,
                Mode: i % 6 == 0 ? ItemMode.Auction : null,
                Q: withWords ? Words[random.Next(Words.Length)] + (i % 7 == 0 ? " oak" : string.Empty) : null,
                Sort: sort,
                Limit: i % 2 == 0 ? "100" : "37");
            var (query, _) = ItemSearchQueryParser.Parse(request);

            var expected = await _database.ReadAsync(c => FullScanAsync(c, query!));
            var actual = new List<string>();
            while (true)
            {
                var (page, _) = ItemSearchQueryParser.Parse(request);
                var response = await _database.ReadAsync(c => ItemSearch.RunAsync(c, page!));
                actual.AddRange(response.Items.Select(h => h.Id));
                if (response.NextCursor is null || actual.Count > 600)
                {
                    break;
                }

                request = request with { Cursor = response.NextCursor };
            }

            actual.ShouldBe(expected.Take(actual.Count), $"search {i}: {request with { Cursor = null }}");
            actual.Count.ShouldBe(Math.Min(expected.Count, actual.Count > 600 ? actual.Count : expected.Count), $"search {i}");
        }
    }

    private static async Task<List<string>> FullScanAsync(System.Data.Common.DbConnection connection, ItemSearchQuery query)
    {
        var words = query.Text is { } text ? ItemStore.ToFtsQuery(text) : null;
        var rows = await connection.QueryAsync<(long Seq, string Id, double Lat, double Lon, string Category, string Mode, long InTitle, long Matches)>(
            """
            SELECT seq, id, lat, lon, category, mode,
                   seq IN (SELECT rowid FROM item_search WHERE item_search MATCH @title) AS in_title,
                   seq IN (SELECT rowid FROM item_search WHERE item_search MATCH @all) AS matches
            FROM items WHERE status = @Status AND moderation = 'approved'
            """,
            new { query.Status, title = "{title} : (" + (words ?? "x") + ")", all = "{title description} : (" + (words ?? "x") + ")" });
        var area = query.Area!.Value;
        return rows
            .Where(r => words is null || r.Matches == 1)
            .Where(r => query.Categories.Count == 0 || query.Categories.Contains(r.Category))
            .Where(r => query.Mode is null || r.Mode == query.Mode)
            .Select(r => (r.Id, Position: new SearchPosition(query.Sort == SearchSort.Relevance && r.InTitle == 0 ? 1 : 0, area.Centre.DistanceKmTo(new GeoPoint(r.Lat, r.Lon)), r.Seq)))
            .Where(r => r.Position.DistanceKm <= area.RadiusKm)
            .Order(Comparer<(string Id, SearchPosition Position)>.Create((a, b) => SearchPosition.Compare(query.Sort, a.Position, b.Position)))
            .Select(r => r.Id)
            .ToList();
    }
}
