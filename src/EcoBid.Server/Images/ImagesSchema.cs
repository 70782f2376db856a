using EcoBid.Events.Sqlite;

namespace EcoBid.Server.Images;

/// <summary>
/// Item photos (<c>item_images</c>: one row from the upload ticket to deletion) and their stored renditions
/// (<c>item_image_renditions</c>: one row per size and format, named by content hash). See docs/images.md.
/// </summary>
public static class ImagesSchema
{
    public static IReadOnlyList<SchemaScript> Scripts { get; } =
    [
        new("images", 1, """
            CREATE TABLE item_images (
                id TEXT PRIMARY KEY,
                item_id TEXT NOT NULL,
                seller_id TEXT NOT NULL,
                position INTEGER NOT NULL,
                status TEXT NOT NULL,
                content_type TEXT NOT NULL,
                size_bytes INTEGER NOT NULL,
                sha256 TEXT,
                created_at INTEGER NOT NULL,
                upload_expires_at INTEGER NOT NULL,
                uploaded_at INTEGER,
                upload_event_id TEXT,
                original_key TEXT,
                processed_at INTEGER,
                width INTEGER,
                height INTEGER,
                placeholder TEXT,
                perceptual_hash TEXT,
                review TEXT,
                problems TEXT
            );
            CREATE INDEX ix_item_images_item ON item_images (item_id, position);
            CREATE INDEX ix_item_images_seller_hashes ON item_images (seller_id) WHERE perceptual_hash IS NOT NULL;
            CREATE INDEX ix_item_images_upload_event ON item_images (upload_event_id) WHERE upload_event_id IS NOT NULL;
            CREATE INDEX ix_item_images_originals ON item_images (processed_at) WHERE original_key IS NOT NULL AND processed_at IS NOT NULL;
            CREATE INDEX ix_item_images_awaiting ON item_images (created_at) WHERE status = 'awaiting_upload';
            CREATE TABLE item_image_renditions (
                image_id TEXT NOT NULL,
                name TEXT NOT NULL,
                format TEXT NOT NULL,
                sha256 TEXT NOT NULL,
                blob_key TEXT NOT NULL,
                content_type TEXT NOT NULL,
                width INTEGER NOT NULL,
                height INTEGER NOT NULL,
                bytes INTEGER NOT NULL,
                PRIMARY KEY (image_id, name, format)
            ) WITHOUT ROWID;
            """),
    ];
}
