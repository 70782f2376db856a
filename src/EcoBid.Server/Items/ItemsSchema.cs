using EcoBid.Events.Sqlite;

namespace EcoBid.Server.Items;

/// <summary>Items, their search index (FTS5, with its item → row map) and the statistics counters.</summary>
public static class ItemsSchema
{
    public static IReadOnlyList<SchemaScript> Scripts { get; } =
    [
        new("items", 1, """
            CREATE TABLE items (
                id TEXT PRIMARY KEY,
                seller_id TEXT,
                title TEXT NOT NULL,
                description TEXT NOT NULL,
                category TEXT NOT NULL,
                mode TEXT NOT NULL,
                status TEXT NOT NULL,
                lat REAL NOT NULL,
                lon REAL NOT NULL,
                geohash TEXT NOT NULL,
                moderation TEXT NOT NULL DEFAULT 'pending',
                moderation_reasons TEXT,
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL,
                processed_at INTEGER,
                expires_at INTEGER
            );
            CREATE INDEX ix_items_geohash ON items (geohash);
            CREATE VIRTUAL TABLE item_search USING fts5 (item_id UNINDEXED, title, description, tokenize = 'unicode61 remove_diacritics 2');
            CREATE TABLE stats_counters (
                name TEXT PRIMARY KEY,
                value INTEGER NOT NULL
            ) WITHOUT ROWID;
            """),

        // FTS5 finds rows only by rowid or MATCH: a WHERE on item_id reads the whole index, so re-indexing one item
        // cost time in proportion to the catalogue. This table maps an item to its index row.
        new("items", 2, """
            CREATE TABLE item_search_keys (
                item_id TEXT PRIMARY KEY,
                search_rowid INTEGER NOT NULL
            ) WITHOUT ROWID;
            INSERT INTO item_search_keys (item_id, search_rowid) SELECT item_id, MAX(rowid) FROM item_search GROUP BY item_id;
            DELETE FROM item_search WHERE rowid NOT IN (SELECT search_rowid FROM item_search_keys);
            """),
    ];
}
