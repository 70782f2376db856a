using System.Globalization;
using CsCheck;
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

    /// <summary>
    /// Generated searches: a centre up to 2 km from the crowd, a radius from 0.2 to 25.2 km, any mix of category, mode,
    /// words and sort, two page sizes. A failing search shrinks towards the centre, the smallest radius and no filters.
    /// </summary>
    [Fact]
    public async Task Every_page_of_generated_searches_equals_a_full_scan()
    {
        var filters = Gen.Select(Gen.Int[0, 2], Gen.Bool, Gen.Int[-1, Words.Length - 1], Gen.Bool, Gen.Int[0, 2], Gen.Bool);
        var requests = Gen.Select(Gen.Double[0, 360], Gen.Double[0, 2], Gen.Double[0.2, 25.2], filters).Select((bearing, offsetKm, radiusKm, f) =>
        {
            var (category, auction, word, withOak, sort, smallPages) = f;
            var centre = Centre.Move(bearing, offsetKm);
            return new SearchItemsRequest
            {
                Lat = centre.Lat.ToString("R", CultureInfo.InvariantCulture),
                Lon = centre.Lon.ToString("R", CultureInfo.InvariantCulture),
                RadiusKm = radiusKm.ToString("0.###", CultureInfo.InvariantCulture),
                Category = category switch { 0 => null, 1 => "furniture,books", _ => "electronics" },
                Mode = auction ? ItemMode.Auction : null,
                Q = word < 0 ? null : Words[word] + (withOak ? " oak" : string.Empty),
                Sort = sort switch { 0 => "distance", 1 => "newest", _ => word < 0 ? "distance" : "relevance" },
                Limit = smallPages ? "37" : "100",
            };
        });

        await requests.SampleAsync(AgreesWithFullScanAsync, iter: 60, threads: 1, print: request => request.ToString());
    }

    private async Task AgreesWithFullScanAsync(SearchItemsRequest request)
    {
        var (query, _) = ItemSearchQueryParser.Parse(request);
        var expected = await _database.ReadAsync(c => FullScanAsync(c, query!));
        var actual = new List<string>();
        var page = request;
        while (true)
        {
            var (pageQuery, _) = ItemSearchQueryParser.Parse(page);
            var response = await _database.ReadAsync(c => ItemSearch.RunAsync(c, pageQuery!));
            actual.AddRange(response.Items.Select(h => h.Id));
            if (response.NextCursor is null || actual.Count > 600)
            {
                break;
            }

            page = page with { Cursor = response.NextCursor };
        }

        actual.ShouldBe(expected.Take(actual.Count), request.ToString());
        actual.Count.ShouldBe(Math.Min(expected.Count, actual.Count > 600 ? actual.Count : expected.Count), request.ToString());
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
