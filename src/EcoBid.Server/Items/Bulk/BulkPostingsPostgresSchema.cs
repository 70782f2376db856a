using EcoBid.Events.Postgres;

namespace EcoBid.Server.Items.Bulk;

/// <summary>
/// The bulk posting tables of <see cref="BulkPostingsSchema"/> on PostgreSQL, with SQLite's storage classes. The
/// reference from <c>bulk_postings.seller_id</c> to <c>users</c> is added by
/// <see cref="Hosting.CrossFeatureKeysPostgresSchema"/>: this component is migrated before <c>users</c> exists.
/// </summary>
public static class BulkPostingsPostgresSchema
{
    public static IReadOnlyList<PostgresSchemaScript> Scripts { get; } =
    [
        new("bulk_postings", 1, """
            CREATE TABLE bulk_postings (
                id text PRIMARY KEY,
                seller_id text NOT NULL,
                status text NOT NULL,
                format text NOT NULL,
                total bigint NOT NULL,
                posted bigint,
                need_changes bigint,
                execution_arn text NOT NULL,
                created_at bigint NOT NULL,
                finished_at bigint
            );
            CREATE INDEX ix_bulk_postings_seller ON bulk_postings (seller_id, created_at DESC);
            -- One row per (posting, index), and item_id unique so no item is ever the outcome of two rows.
            CREATE TABLE bulk_posting_items (
                bulk_id text NOT NULL REFERENCES bulk_postings (id),
                idx bigint NOT NULL,
                request text NOT NULL,
                item_id text UNIQUE,
                problem text,
                PRIMARY KEY (bulk_id, idx)
            );
            """),
    ];
}
