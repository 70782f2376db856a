using System.Data.Common;
using Dapper;
using EcoBid.Domain.Items;
using EcoBid.Events.Storage;
using EcoBid.Server.Storage;

namespace EcoBid.Server.Images;

/// <summary>The photo statements on the embedded SQLite store.</summary>
public sealed class SqliteImageStore : IImageStore
{
    private const string Columns =
        "id, item_id, seller_id, position, status, content_type, size_bytes, sha256, created_at, upload_expires_at, uploaded_at, " +
        "upload_event_id, original_key, processed_at, width, height, placeholder, perceptual_hash, review, problems";

    private const string RenditionColumns = "image_id, name, format, sha256, blob_key, content_type, width, height, bytes";

    // Statuses in which an item keeps no listing: its photos live RetentionDays after it got there.
    private static readonly string[] EndedStatuses = [ItemStatus.PickedUp, ItemStatus.Expired, ItemStatus.Withdrawn, ItemStatus.Ended];

    public Task<ImageRecord?> FindAsync(DbConnection connection, string imageId, DbTransaction? transaction = null) =>
        connection.QuerySingleOrDefaultAsync<ImageRecord>($"SELECT {Columns} FROM item_images WHERE id = @imageId", new { imageId }, transaction);

    public async Task<IReadOnlyList<StoredImage>> ForItemAsync(DbConnection connection, string itemId, DbTransaction? transaction = null)
    {
        var images = (await connection.QueryAsync<ImageRecord>(
            $"SELECT {Columns} FROM item_images WHERE item_id = @itemId ORDER BY position, id", new { itemId }, transaction)).AsList();
        return await WithRenditionsAsync(connection, images, transaction);
    }

    public async Task<IReadOnlyDictionary<string, StoredImage>> CoversAsync(DbConnection connection, IReadOnlyCollection<string> itemIds, DbTransaction? transaction = null)
    {
        ArgumentNullException.ThrowIfNull(itemIds);
        if (itemIds.Count == 0)
        {
            return new Dictionary<string, StoredImage>(StringComparer.Ordinal);
        }

        var covers = (await connection.QueryAsync<ImageRecord>(
            SqlLists.For(connection, $"""
            SELECT {Columns} FROM (
                SELECT *, ROW_NUMBER() OVER (PARTITION BY item_id ORDER BY position, id) AS nth
                FROM item_images WHERE item_id IN @itemIds AND status = 'ready') AS ranked
            WHERE nth = 1
            """),
            new { itemIds },
            transaction)).AsList();
        return (await WithRenditionsAsync(connection, covers, transaction)).ToDictionary(c => c.Image.ItemId, StringComparer.Ordinal);
    }

    public Task<RenditionRecord?> FindServableAsync(DbConnection connection, string imageId, string sha256) =>
        connection.QueryFirstOrDefaultAsync<RenditionRecord>(
            $"""
            SELECT r.{RenditionColumns.Replace(", ", ", r.", StringComparison.Ordinal)}
            FROM item_image_renditions r JOIN item_images i ON i.id = r.image_id
            WHERE r.image_id = @imageId AND r.sha256 = @sha256 AND i.status = 'ready'
            """,
            new { imageId, sha256 });

    public async Task<IReadOnlyList<SellerImageHash>> SellerHashesAsync(DbConnection connection, string sellerId, string exceptImageId) =>
        (await connection.QueryAsync<SellerImageHash>(
            "SELECT id AS ImageId, perceptual_hash AS Hash FROM item_images WHERE seller_id = @sellerId AND perceptual_hash IS NOT NULL AND id <> @exceptImageId",
            new { sellerId, exceptImageId })).AsList();

    public Task<int> CountHeldAsync(IWriteScope scope, string itemId)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.Connection.ExecuteScalarAsync<int>(
            """
            SELECT COUNT(*) FROM item_images
            WHERE item_id = @itemId AND (status IN ('processing', 'ready', 'failed') OR (status = 'awaiting_upload' AND upload_expires_at > @now))
            """,
            new { itemId, now = scope.Now.ToUnixTimeMilliseconds() },
            scope.Transaction);
    }

    public async Task<ImageRecord> InsertAsync(IWriteScope scope, ImageRecord image)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(image);
        var position = await scope.Connection.ExecuteScalarAsync<int>(
            "SELECT COALESCE(MAX(position) + 1, 0) FROM item_images WHERE item_id = @ItemId", image, scope.Transaction);
        var placed = image with { Position = position };
        await scope.Connection.ExecuteAsync(
            """
            INSERT INTO item_images (id, item_id, seller_id, position, status, content_type, size_bytes, sha256, created_at, upload_expires_at)
            VALUES (@Id, @ItemId, @SellerId, @Position, @Status, @ContentType, @SizeBytes, @Sha256, @CreatedAt, @UploadExpiresAt)
            """,
            placed,
            scope.Transaction);
        return placed;
    }

    public async Task<bool> MarkUploadedAsync(IWriteScope scope, string imageId, string originalKey, string uploadEventId)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return await scope.Connection.ExecuteAsync(
            """
            UPDATE item_images SET status = 'processing', uploaded_at = @now, original_key = @originalKey, upload_event_id = @uploadEventId
            WHERE id = @imageId AND status = 'awaiting_upload'
            """,
            new { imageId, originalKey, uploadEventId, now = scope.Now.ToUnixTimeMilliseconds() },
            scope.Transaction) == 1;
    }

    public async Task<bool> CompleteAsync(IWriteScope scope, ImageCompletion completion)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(completion);
        var updated = await scope.Connection.ExecuteAsync(
            """
            UPDATE item_images
            SET status = @Status, processed_at = @ProcessedAt, width = @Width, height = @Height, placeholder = @Placeholder,
                perceptual_hash = @PerceptualHash, review = @Review, problems = @ProblemsJson
            WHERE id = @ImageId AND status IN ('processing', 'failed')
            """,
            completion,
            scope.Transaction);
        if (updated == 0)
        {
            return false;
        }

        await scope.Connection.ExecuteAsync(
            $"""
            INSERT INTO item_image_renditions ({RenditionColumns}) VALUES (@ImageId, @Name, @Format, @Sha256, @BlobKey, @ContentType, @Width, @Height, @Bytes)
            ON CONFLICT (image_id, name, format) DO UPDATE SET sha256 = excluded.sha256, blob_key = excluded.blob_key, content_type = excluded.content_type,
                width = excluded.width, height = excluded.height, bytes = excluded.bytes
            """,
            completion.Renditions,
            scope.Transaction);
        return true;
    }

    public async Task<ImageRecord?> MarkFailedAsync(IWriteScope scope, string uploadEventId, string problemsJson)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return await scope.Connection.QuerySingleOrDefaultAsync<ImageRecord>(
            $"""
            UPDATE item_images SET status = 'failed', problems = @problemsJson
            WHERE upload_event_id = @uploadEventId AND status = 'processing'
            RETURNING {Columns}
            """,
            new { uploadEventId, problemsJson },
            scope.Transaction);
    }

    public async Task<IReadOnlyList<string>> DeleteAsync(IWriteScope scope, string imageId)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var keys = await BlobKeysAsync(scope.Connection, [imageId], scope.Transaction);
        await DeleteRowsAsync(scope, [imageId]);
        return keys.SelectMany(k => k.Keys).ToList();
    }

    public async Task<IReadOnlyList<string>> DeleteForItemAsync(IWriteScope scope, string itemId)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var ids = (await scope.Connection.QueryAsync<string>("SELECT id FROM item_images WHERE item_id = @itemId", new { itemId }, scope.Transaction)).AsList();
        var keys = await BlobKeysAsync(scope.Connection, ids, scope.Transaction);
        await DeleteRowsAsync(scope, ids);
        return keys.SelectMany(k => k.Keys).ToList();
    }

    public async Task ReorderAsync(IWriteScope scope, string itemId, IReadOnlyList<string> imageIds)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(imageIds);
        await scope.Connection.ExecuteAsync(
            "UPDATE item_images SET position = @position WHERE id = @id AND item_id = @itemId",
            imageIds.Select((id, position) => new { id, position, itemId }),
            scope.Transaction);
    }

    public async Task<IReadOnlyList<ImageBlob>> OriginalsDueAsync(DbConnection connection, long processedBefore, int limit) =>
        (await connection.QueryAsync<ImageBlob>(
            """
            SELECT id AS ImageId, original_key AS Key FROM item_images
            WHERE original_key IS NOT NULL AND processed_at IS NOT NULL AND processed_at < @processedBefore
            ORDER BY processed_at LIMIT @limit
            """,
            new { processedBefore, limit })).AsList();

    public Task ForgetOriginalsAsync(IWriteScope scope, IReadOnlyCollection<string> imageIds)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.Connection.ExecuteAsync(SqlLists.For(scope.Connection, "UPDATE item_images SET original_key = NULL WHERE id IN @imageIds"), new { imageIds }, scope.Transaction);
    }

    public async Task<IReadOnlyList<ImageBlobs>> ExpiredAsync(DbConnection connection, long endedBefore, long issuedBefore, int limit)
    {
        var ids = (await connection.QueryAsync<string>(
            SqlLists.For(connection, """
            SELECT g.id FROM item_images g JOIN items i ON i.id = g.item_id
            WHERE i.status IN @ended AND i.updated_at < @endedBefore
            UNION
            SELECT id FROM item_images WHERE status = 'awaiting_upload' AND created_at < @issuedBefore
            UNION
            SELECT g.id FROM item_images g WHERE NOT EXISTS (SELECT 1 FROM items i WHERE i.id = g.item_id)
            LIMIT @limit
            """),
            new { ended = EndedStatuses, endedBefore, issuedBefore, limit })).AsList();
        return await BlobKeysAsync(connection, ids, null);
    }

    public Task DeleteManyAsync(IWriteScope scope, IReadOnlyCollection<string> imageIds)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return DeleteRowsAsync(scope, imageIds);
    }

    public async Task<IReadOnlySet<string>> ExistingAsync(DbConnection connection, IReadOnlyCollection<string> imageIds)
    {
        ArgumentNullException.ThrowIfNull(imageIds);
        if (imageIds.Count == 0)
        {
            return new HashSet<string>(StringComparer.Ordinal);
        }

        return (await connection.QueryAsync<string>(SqlLists.For(connection, "SELECT id FROM item_images WHERE id IN @imageIds"), new { imageIds })).ToHashSet(StringComparer.Ordinal);
    }

    private static async Task<IReadOnlyList<StoredImage>> WithRenditionsAsync(DbConnection connection, List<ImageRecord> images, DbTransaction? transaction)
    {
        var ready = images.Where(i => i.Status == ImageStatus.Ready).Select(i => i.Id).ToList();
        var renditions = ready.Count == 0 ? [] : (await connection.QueryAsync<RenditionRecord>(
            SqlLists.For(connection, $"SELECT {RenditionColumns} FROM item_image_renditions WHERE image_id IN @ready"), new { ready }, transaction)).AsList();
        var byImage = renditions.ToLookup(r => r.ImageId, StringComparer.Ordinal);
        return images.ConvertAll(i => new StoredImage(i, [.. byImage[i.Id]]));
    }

    private static async Task<IReadOnlyList<ImageBlobs>> BlobKeysAsync(DbConnection connection, List<string> imageIds, DbTransaction? transaction)
    {
        if (imageIds.Count == 0)
        {
            return [];
        }

        var originals = (await connection.QueryAsync<ImageBlob>(
            SqlLists.For(connection, "SELECT id AS ImageId, original_key AS Key FROM item_images WHERE id IN @imageIds AND original_key IS NOT NULL"), new { imageIds }, transaction)).AsList();
        var renditions = (await connection.QueryAsync<ImageBlob>(
            SqlLists.For(connection, "SELECT image_id AS ImageId, blob_key AS Key FROM item_image_renditions WHERE image_id IN @imageIds"), new { imageIds }, transaction)).AsList();
        var byImage = originals.Concat(renditions).ToLookup(b => b.ImageId, b => b.Key, StringComparer.Ordinal);
        return imageIds.Select(id => new ImageBlobs(id, [.. byImage[id]])).ToList();
    }

    private static async Task DeleteRowsAsync(IWriteScope scope, IReadOnlyCollection<string> imageIds)
    {
        if (imageIds.Count == 0)
        {
            return;
        }

        await scope.Connection.ExecuteAsync(SqlLists.For(scope.Connection, "DELETE FROM item_image_renditions WHERE image_id IN @imageIds"), new { imageIds }, scope.Transaction);
        await scope.Connection.ExecuteAsync(SqlLists.For(scope.Connection, "DELETE FROM item_images WHERE id IN @imageIds"), new { imageIds }, scope.Transaction);
    }
}
