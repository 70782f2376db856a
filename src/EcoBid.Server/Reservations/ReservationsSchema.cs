using EcoBid.Events.Sqlite;

namespace EcoBid.Server.Reservations;

public static class ReservationsSchema
{
    public static IReadOnlyList<SchemaScript> Scripts { get; } =
    [
        new("reservations", 1, """
            CREATE TABLE reservations (
                id TEXT PRIMARY KEY,
                item_id TEXT NOT NULL REFERENCES items (id),
                buyer_id TEXT NOT NULL REFERENCES users (id),
                seller_id TEXT NOT NULL REFERENCES users (id),
                status TEXT NOT NULL,
                reserved_at INTEGER NOT NULL,
                expires_at INTEGER NOT NULL,
                confirmed_at INTEGER,
                buyer_completed_at INTEGER,
                completed_at INTEGER,
                cancelled_at INTEGER,
                cancelled_by TEXT,
                cancel_reason TEXT,
                expired_at INTEGER
            );
            -- Invariant 3: a free item has at most one reservation that holds it, whatever races the API sees.
            CREATE UNIQUE INDEX ux_reservations_holding_item ON reservations (item_id) WHERE status IN ('active', 'confirmed');
            CREATE INDEX ix_reservations_buyer ON reservations (buyer_id, status);
            CREATE INDEX ix_reservations_seller ON reservations (seller_id, status);
            CREATE TABLE waitlist (
                item_id TEXT NOT NULL REFERENCES items (id),
                user_id TEXT NOT NULL REFERENCES users (id),
                joined_at INTEGER NOT NULL,
                PRIMARY KEY (item_id, user_id)
            ) WITHOUT ROWID;
            CREATE TABLE ratings (
                id TEXT PRIMARY KEY,
                reservation_id TEXT NOT NULL REFERENCES reservations (id),
                rater_id TEXT NOT NULL REFERENCES users (id),
                rated_user_id TEXT NOT NULL REFERENCES users (id),
                score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
                comment TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                visible_at INTEGER,
                UNIQUE (reservation_id, rater_id)
            );
            CREATE INDEX ix_ratings_rated ON ratings (rated_user_id, visible_at);
            """),

        // origin: how the reservation came about (reserve, waitlist, auction); auction pickups do not count toward the
        // free-item limit. notified_at: when a waitlist reservation's buyer was told; their window starts then.
        // Reservations made before the column existed from an auction are found by the auction that names them.
        new("reservations", 2, """
            ALTER TABLE reservations ADD COLUMN origin TEXT NOT NULL DEFAULT 'reserve';
            ALTER TABLE reservations ADD COLUMN notified_at INTEGER;
            UPDATE reservations SET origin = 'auction' WHERE id IN (SELECT reservation_id FROM auctions WHERE reservation_id IS NOT NULL);
            """),
    ];
}
