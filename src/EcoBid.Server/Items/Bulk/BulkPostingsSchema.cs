using EcoBid.Events.Sqlite;

namespace EcoBid.Server.Items.Bulk;

/// <summary>Bulk postings and their rows: each row's request as sent, then the item it became or the problem it had.</summary>
public static class BulkPostingsSchema
{
    public static IReadOnlyList<SchemaScript> Scripts { get; } =
    [
        new("bulk_postings", 1, """
            CREATE TABLE bulk_postings (
                id TEXT PRIMARY KEY,
                seller_id TEXT NOT NULL REFERENCES users (id),
                status TEXT NOT NULL,
                format TEXT NOT NULL,
                total INTEGER NOT NULL,
                posted INTEGER,
                need_changes INTEGER,
                execution_arn TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                finished_at INTEGER
            );
            CREATE INDEX ix_bulk_postings_seller ON bulk_postings (seller_id, created_at DESC);
            -- One row per (posting, index): the key a re-run CreateBulkItem step finds its earlier outcome by, and
            -- item_id unique so no item is ever the outcome of two rows.
            CREATE TABLE bulk_posting_items (
                bulk_id TEXT NOT NULL REFERENCES bulk_postings (id),
                idx INTEGER NOT NULL,
                request TEXT NOT NULL,
                item_id TEXT UNIQUE,
                problem TEXT,
                PRIMARY KEY (bulk_id, idx)
            ) WITHOUT ROWID;
            """),
    ];
}
