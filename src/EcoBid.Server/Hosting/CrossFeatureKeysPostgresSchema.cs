using EcoBid.Events.Postgres;

namespace EcoBid.Server.Hosting;

/// <summary>
/// The references from one feature's tables to another's that the feature scripts cannot declare themselves.
/// <see cref="PostgresDatabase.MigrateAsync"/> applies components in name order, and PostgreSQL, unlike SQLite, wants
/// the referenced table to exist when a reference is declared: <c>auctions</c>, <c>bulk_postings</c> and
/// <c>disputes</c> come before <c>identity</c>, <c>items</c> and <c>reservations</c>. The component's name sorts
/// after every other so that all the tables exist by then; the constraints get the names inline ones would.
/// </summary>
public static class CrossFeatureKeysPostgresSchema
{
    public static IReadOnlyList<PostgresSchemaScript> Scripts { get; } =
    [
        new("zz_cross_feature_keys", 1, """
            ALTER TABLE auctions ADD FOREIGN KEY (item_id) REFERENCES items (id);
            ALTER TABLE bulk_postings ADD FOREIGN KEY (seller_id) REFERENCES users (id);
            ALTER TABLE disputes ADD FOREIGN KEY (reservation_id) REFERENCES reservations (id);
            ALTER TABLE disputes ADD FOREIGN KEY (buyer_id) REFERENCES users (id);
            ALTER TABLE disputes ADD FOREIGN KEY (seller_id) REFERENCES users (id);
            """),
    ];
}
