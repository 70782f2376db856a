using EcoBid.Events.Postgres;

namespace EcoBid.Server.Images;

/// <summary>The photo tables of <see cref="ImagesSchema"/> on PostgreSQL, with SQLite's storage classes (sizes and times in <c>bigint</c>).</summary>
public static class ImagesPostgresSchema
{
    public static IReadOnlyList<PostgresSchemaScript> Scripts { get; } =
    [
        new("images", 1, """
            CREATE TABLE item_images (
                id text PRIMARY KEY,
                item_id text NOT NULL,
                seller_id text NOT NULL,
                position bigint NOT NULL,
                status text NOT NULL,
                content_type text NOT NULL,
                size_bytes bigint NOT NULL,
                sha256 text,
                created_at bigint NOT NULL,
                upload_expires_at bigint NOT NULL,
                uploaded_at bigint,
                upload_event_id text,
                original_key text,
                processed_at bigint,
                width bigint,
                height bigint,
                placeholder text,
                perceptual_hash text,
                review text,
                problems text
            );
            CREATE INDEX ix_item_images_item ON item_images (item_id, position);
            CREATE INDEX ix_item_images_seller_hashes ON item_images (seller_id) WHERE perceptual_hash IS NOT NULL;
            CREATE INDEX ix_item_images_upload_event ON item_images (upload_event_id) WHERE upload_event_id IS NOT NULL;
            CREATE INDEX ix_item_images_originals ON item_images (processed_at) WHERE original_key IS NOT NULL AND processed_at IS NOT NULL;
            CREATE INDEX ix_item_images_awaiting ON item_images (created_at) WHERE status = 'awaiting_upload';
            CREATE TABLE item_image_renditions (
                image_id text NOT NULL,
                name text NOT NULL,
                format text NOT NULL,
                sha256 text NOT NULL,
                blob_key text NOT NULL,
                content_type text NOT NULL,
                width bigint NOT NULL,
                height bigint NOT NULL,
                bytes bigint NOT NULL,
                PRIMARY KEY (image_id, name, format)
            );
            """),
    ];
}
