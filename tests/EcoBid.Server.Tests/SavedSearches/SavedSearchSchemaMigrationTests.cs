using Dapper;
using EcoBid.Domain.Geo;
using EcoBid.Events.Sqlite;
using EcoBid.Server.Hosting;
using EcoBid.Server.Notifications;
using EcoBid.Server.SavedSearches;
using EcoBid.Server.Tests.Infrastructure;

namespace EcoBid.Server.Tests.SavedSearches;

/// <summary>Saved searches made when their boxes were clamped at ±180° get their far side when the schema moves on.</summary>
public sealed class SavedSearchSchemaMigrationTests : ScratchDatabaseTest
{
    [Theory]
    [InlineData(179.95, -179.95)]   // over the meridian eastwards: the far side is west of -180 + overshoot
    [InlineData(-179.95, 179.95)]   // and westwards
    public async Task A_clamped_box_gets_its_far_side_and_a_box_away_from_the_meridian_stays_single(double centreLon, double farSideLon)
    {
        await Database.MigrateAsync([NotificationsSchema.Scripts[0]]);
        await Database.WriteAsync(async scope =>
        {
            await InsertVersionOneAsync(scope.Connection, scope.Transaction, 1, "crossing", -17.0, centreLon, 20);
            await InsertVersionOneAsync(scope.Connection, scope.Transaction, 2, "warsaw", 52.23, 21.01, 5);
            return 0;
        });

        await Database.MigrateAsync(EcoBidSchema.Scripts);

        var farSide = await Database.ReadAsync(c => SavedSearchStore.CandidatesAsync(c, null, new GeoPoint(-17.0, farSideLon), null));
        farSide.ShouldHaveSingleItem().Id.ShouldBe("crossing");
        var nearSide = await Database.ReadAsync(c => SavedSearchStore.CandidatesAsync(c, null, new GeoPoint(-17.0, centreLon), null));
        nearSide.ShouldHaveSingleItem().Id.ShouldBe("crossing");
        var beyond = await Database.ReadAsync(c => SavedSearchStore.CandidatesAsync(c, null, new GeoPoint(-17.0, farSideLon + (Math.Sign(farSideLon) * -1)), null));
        beyond.ShouldBeEmpty("a degree further on is about 106 km away, past the box");
        (await Database.ReadAsync(c => SavedSearchStore.CandidatesAsync(c, null, new GeoPoint(52.23, 21.01), null))).ShouldHaveSingleItem().Id.ShouldBe("warsaw");
        var ids = await Database.ReadAsync(c => c.QueryAsync<long>("SELECT id FROM saved_search_boxes ORDER BY id"));
        ids.ShouldBe([2L, 3L, 4L]);
    }

    /// <summary>A saved search as version 1 stored it: one box, symmetric about the centre, clamped at ±180°.</summary>
    private static async Task InsertVersionOneAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, long seq, string id, double lat, double lon, double radiusKm)
    {
        const double KmPerDegree = 111.32;
        var dLat = radiusKm / KmPerDegree;
        var widest = Math.Max(Math.Abs(lat - dLat), Math.Abs(lat + dLat));
        var dLon = radiusKm / (KmPerDegree * Math.Cos(widest * Math.PI / 180));
        await connection.ExecuteAsync(
            """
            INSERT INTO saved_searches (seq, id, user_id, name, lat, lon, radius_km, categories, keywords, created_at)
            VALUES (@seq, @id, 'someone', 'search', @lat, @lon, @radiusKm, '[]', '[]', 0);
            INSERT INTO saved_search_boxes (seq, min_lat, max_lat, min_lon, max_lon) VALUES (@seq, @minLat, @maxLat, @minLon, @maxLon);
            """,
            new { seq, id, lat, lon, radiusKm, minLat = lat - dLat, maxLat = lat + dLat, minLon = Math.Max(-180, lon - dLon), maxLon = Math.Min(180, lon + dLon) },
            transaction);
    }
}
