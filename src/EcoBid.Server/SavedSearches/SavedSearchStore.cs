using System.Data.Common;
using Dapper;
using EcoBid.Domain.Geo;
using EcoBid.Events.Storage;

namespace EcoBid.Server.SavedSearches;

/// <summary>
/// Saved searches and their R*Tree of bounding boxes (<c>saved_search_boxes</c>), kept in step in one transaction.
/// A new item finds the searches whose box holds its position by the R*Tree, in time that grows with the number of
/// nearby searches rather than with all of them; the exact distance, category and keyword checks run on those alone.
/// A search whose circle crosses the ±180° meridian has a box on each side; box ids are <c>seq * 2 + piece</c>.
/// </summary>
public static class SavedSearchStore
{
    public static async Task InsertAsync(IWriteScope scope, SavedSearchRecord search)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(search);
        var seq = await scope.Connection.ExecuteScalarAsync<long>(
            """
            INSERT INTO saved_searches (id, user_id, name, lat, lon, radius_km, categories, keywords, created_at)
            VALUES (@Id, @UserId, @Name, @Lat, @Lon, @RadiusKm, @Categories, @Keywords, @CreatedAt) RETURNING seq
            """,
            search,
            scope.Transaction);
        var boxes = new GeoCircle(new GeoPoint(search.Lat, search.Lon), search.RadiusKm).BoundingBoxes();
        await scope.Connection.ExecuteAsync(
            "INSERT INTO saved_search_boxes (id, min_lat, max_lat, min_lon, max_lon) VALUES (@id, @MinLat, @MaxLat, @MinLon, @MaxLon)",
            boxes.Select((box, piece) => new { id = (seq * 2) + piece, box.MinLat, box.MaxLat, box.MinLon, box.MaxLon }),
            scope.Transaction);
    }

    /// <returns>Whether the user had a saved search with this id.</returns>
    public static async Task<bool> DeleteAsync(IWriteScope scope, string id, string userId)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var seq = await scope.Connection.ExecuteScalarAsync<long?>(
            "DELETE FROM saved_searches WHERE id = @id AND user_id = @userId RETURNING seq", new { id, userId }, scope.Transaction);
        if (seq is null)
        {
            return false;
        }

        await scope.Connection.ExecuteAsync("DELETE FROM saved_search_boxes WHERE id IN (@first, @second)", new { first = seq * 2, second = (seq * 2) + 1 }, scope.Transaction);
        return true;
    }

    public static Task<SavedSearchRecord?> FindAsync(DbConnection connection, string id) =>
        connection.QuerySingleOrDefaultAsync<SavedSearchRecord>($"SELECT {SavedSearchRecord.Columns} FROM saved_searches WHERE id = @id", new { id });

    public static async Task<IReadOnlyList<SavedSearchRecord>> ForUserAsync(DbConnection connection, string userId, DbTransaction? transaction = null) =>
        (await connection.QueryAsync<SavedSearchRecord>(
            $"SELECT {SavedSearchRecord.Columns} FROM saved_searches WHERE user_id = @userId ORDER BY seq", new { userId }, transaction)).AsList();

    /// <summary>Saved searches of other people whose bounding box holds the point: candidates for the exact check.</summary>
    public static async Task<IReadOnlyList<SavedSearchRecord>> CandidatesAsync(DbConnection connection, DbTransaction? transaction, GeoPoint point, string? excludeUserId) =>
        (await connection.QueryAsync<SavedSearchRecord>(
            $"""
            SELECT {string.Join(", ", SavedSearchRecord.Columns.Split(", ").Select(c => "s." + c))}
            FROM saved_search_boxes b JOIN saved_searches s ON s.seq = b.id >> 1
            WHERE b.min_lat <= @Lat AND b.max_lat >= @Lat AND b.min_lon <= @Lon AND b.max_lon >= @Lon AND (@excludeUserId IS NULL OR s.user_id <> @excludeUserId)
            """,
            new { point.Lat, point.Lon, excludeUserId },
            transaction)).AsList();
}
