using Dapper;
using EcoBid.Domain.Geo;
using EcoBid.Events.Sqlite;
using EcoBid.Server.Hosting;
using EcoBid.Server.Identity;
using EcoBid.Server.Items;
using EcoBid.Server.Items.Search;
using EcoBid.Server.Tests.Infrastructure;

namespace EcoBid.Server.Tests.Search;

/// <summary>A database made before nearby search gets its search indexes from the items it holds.</summary>
public sealed class SearchSchemaMigrationTests : ScratchDatabaseTest
{
    [Fact]
    public async Task Existing_items_are_numbered_in_listing_order_and_filed_in_both_search_indexes()
    {
        await Database.MigrateAsync([.. IdentitySchema.Scripts, ItemsSchema.Scripts[0]]);
        var kraków = new GeoPoint(50.0647, 19.9450);
        var newer = kraków.Move(90, 1);
        await Database.WriteAsync(async scope =>
        {
            // Inserted newest first: their row ids disagree with their listing order.
            await InsertVersionOneAsync(scope.Connection, scope.Transaction, "b-newer", "Oak chair", "books", newer, createdAt: 2000);
            await InsertVersionOneAsync(scope.Connection, scope.Transaction, "a-older", "Pine table", "furniture", kraków, createdAt: 1000);
            return 0;
        });

        await Database.MigrateAsync(EcoBidSchema.Scripts);

        var rows = await Database.ReadAsync(c => c.QueryAsync<(long Seq, string Id)>("SELECT seq, id FROM items ORDER BY seq"));
        rows.ShouldBe([(1L, "a-older"), (2L, "b-newer")]);
        var geo = (await Database.ReadAsync(c => c.QueryAsync<(long Id, double MinLat, double MinLon)>("SELECT id, min_lat, min_lon FROM item_geo ORDER BY id"))).ToList();
        geo.Select(g => g.Id).ShouldBe([1L, 2L]);
        geo[1].MinLat.ShouldBe(newer.Lat, tolerance: 1e-4);
        geo[1].MinLon.ShouldBe(newer.Lon, tolerance: 1e-4);
        var text = (await Database.ReadAsync(c => c.QueryAsync<(long Rowid, string ItemId, string Cells, string Category, string Mode)>(
            "SELECT rowid, item_id, cells, category, mode FROM item_search ORDER BY rowid"))).ToList();
        text.Select(t => (t.Rowid, t.ItemId, t.Category, t.Mode)).ShouldBe([(1L, "a-older", "furniture", "free"), (2L, "b-newer", "books", "free")]);
        text[1].Cells.ShouldBe(string.Join(' ', Enumerable.Range(1, 6).Select(p => SearchCells.Token(Geohash.Encode(newer, p)))));

        var (query, _) = ItemSearchQueryParser.Parse(new SearchItemsRequest { Lat = "50.0647", Lon = "19.945", RadiusKm = "2", Q = "oak" });
        var found = await Database.ReadAsync(c => ItemSearch.RunAsync(c, query!));
        found.Items.Select(i => i.Id).ShouldBe(["b-newer"]);
        found.Items[0].DistanceKm!.Value.ShouldBe(1, tolerance: 0.0005);
    }

    private static async Task InsertVersionOneAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, string id, string title, string category, GeoPoint point, long createdAt)
    {
        await connection.ExecuteAsync(
            """
            INSERT INTO items (id, title, description, category, mode, status, lat, lon, geohash, moderation, created_at, updated_at)
            VALUES (@id, @title, '', @category, 'free', 'available', @Lat, @Lon, @geohash, 'approved', @createdAt, @createdAt);
            INSERT INTO item_search (item_id, title, description) VALUES (@id, @title, '');
            """,
            new { id, title, category, point.Lat, point.Lon, geohash = Geohash.Encode(point), createdAt },
            transaction);
    }
}
