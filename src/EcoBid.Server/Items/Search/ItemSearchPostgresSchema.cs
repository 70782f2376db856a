using EcoBid.Events.Postgres;

namespace EcoBid.Server.Items.Search;

/// <summary>
/// Search on PostgreSQL (component <c>items_search</c>, applied after <c>items</c>): the item's point as a generated
/// column with a GiST index (what the R*Tree is on SQLite; a box query on it is exact, distances are computed by the
/// search as on SQLite), and the words as <c>tsvector</c>s with GIN indexes (what FTS5 is), kept by the Index handler.
/// The built-in point type needs no extension: PostGIS or earthdistance would add geodesic ordering inside the
/// database, which the widening-circle search does not need.
/// </summary>
public static class ItemSearchPostgresSchema
{
    public static IReadOnlyList<PostgresSchemaScript> Scripts { get; } =
    [
        new("items_search", 1, $"""
            ALTER TABLE items ADD COLUMN place point GENERATED ALWAYS AS (point(lon, lat)) STORED;
            CREATE INDEX ix_items_place ON items USING gist (place);
            CREATE TABLE item_search (
                seq bigint PRIMARY KEY,
                item_id text NOT NULL UNIQUE,
                title_words tsvector NOT NULL,
                words tsvector NOT NULL
            );
            CREATE INDEX ix_item_search_words ON item_search USING gin (words);
            CREATE INDEX ix_item_search_title_words ON item_search USING gin (title_words);
            """),
    ];
}
