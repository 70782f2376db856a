using EcoBid.Events.Sqlite;
using EcoBid.Server.Items.Search;

namespace EcoBid.Server.Items;

/// <summary>Items, their search indexes (R*Tree for places, FTS5 for words) and the statistics counters.</summary>
public static class ItemsSchema
{
    private const string ItemColumns = "id, seller_id, title, description, category, mode, status, lat, lon, geohash, moderation, moderation_reasons, created_at, updated_at, processed_at, expires_at";

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
        // Nearby search. The items table is rebuilt so that its row id is a declared column (seq): SQLite may renumber
        // an undeclared rowid on VACUUM, and seq keys both search indexes and orders listings newest first. item_geo
        // is an R*Tree of the items' points; item_search is re-keyed by seq (a re-index is then a rowid lookup, not
        // a scan) and gains the cells (SearchCells), category and mode columns, so that a search with words narrows by
        // place and kind inside the index. The geohash index goes: nothing looks items up by it.
        new("items", 3, $"""
            CREATE TABLE items_by_seq (
                seq INTEGER PRIMARY KEY,
                id TEXT NOT NULL UNIQUE,
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
            INSERT INTO items_by_seq ({ItemColumns}) SELECT {ItemColumns} FROM items ORDER BY created_at, rowid;
            DROP TABLE items;
            ALTER TABLE items_by_seq RENAME TO items;

            -- Newest first, filtered and checked against a search box inside the index, without touching the rows.
            CREATE INDEX ix_items_newest ON items (status, moderation, seq, lat, lon, category, mode);
            CREATE INDEX ix_items_newest_by_category ON items (status, moderation, category, seq, lat, lon, mode);

            CREATE VIRTUAL TABLE item_geo USING rtree (id, min_lat, max_lat, min_lon, max_lon);
            INSERT INTO item_geo (id, min_lat, max_lat, min_lon, max_lon) SELECT seq, lat, lat, lon, lon FROM items;

            CREATE VIRTUAL TABLE item_search_by_seq USING fts5 (item_id UNINDEXED, title, description, cells, category, mode, tokenize = 'unicode61 remove_diacritics 2');
            INSERT INTO item_search_by_seq (rowid, item_id, title, description, cells, category, mode)
                SELECT i.seq, s.item_id, s.title, s.description, {SearchCells.FromGeohashSql("i.geohash")}, i.category, i.mode
                FROM item_search s JOIN items i ON i.id = s.item_id
                WHERE s.rowid IN (SELECT max(rowid) FROM item_search GROUP BY item_id);
            DROP TABLE item_search;
            ALTER TABLE item_search_by_seq RENAME TO item_search;
            DROP TABLE item_search_keys;
            """, RebuildsTables: true),

        // English stemming: the porter tokenizer indexes "lamps" and "lamp" alike. Cells carry a marker the stemmer
        // leaves alone (SearchCells.Marker). The index is rebuilt from the items, as IndexItem would write it.
        new("items", 4, $"""
            CREATE VIRTUAL TABLE item_search_stemmed USING fts5 (item_id UNINDEXED, title, description, cells, category, mode, tokenize = 'porter unicode61 remove_diacritics 2');
            INSERT INTO item_search_stemmed (rowid, item_id, title, description, cells, category, mode)
                SELECT seq, id, title, description, {SearchCells.FromGeohashSql("geohash")}, category, mode FROM items WHERE status <> 'withdrawn';
            DROP TABLE item_search;
            ALTER TABLE item_search_stemmed RENAME TO item_search;
            """),

        // Counting by appending: see StatsCounters. The totals are the folded counters plus the deltas not yet folded.
        new("items", 5, """
            CREATE TABLE stats_counter_deltas (
                name TEXT NOT NULL,
                value INTEGER NOT NULL
            );
            CREATE VIEW stats_totals AS
                SELECT name, SUM(value) AS value
                FROM (SELECT name, value FROM stats_counters UNION ALL SELECT name, value FROM stats_counter_deltas)
                GROUP BY name;
            """),
    ];
}
