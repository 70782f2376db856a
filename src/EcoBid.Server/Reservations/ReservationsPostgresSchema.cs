using EcoBid.Events.Postgres;

namespace EcoBid.Server.Reservations;

/// <summary>
/// The reservation, waitlist and rating tables of <see cref="ReservationsSchema"/> on PostgreSQL, in the shape the
/// SQLite scripts arrive at (<c>reservations</c> with <c>origin</c> and <c>notified_at</c>), with SQLite's storage
/// classes (times are unix milliseconds in <c>bigint</c>).
/// </summary>
public static class ReservationsPostgresSchema
{
    public static IReadOnlyList<PostgresSchemaScript> Scripts { get; } =
    [
        new("reservations", 1, """
            -- origin: how the reservation came about (reserve, waitlist, auction). notified_at: when a waitlist
            -- reservation's buyer was told; their window starts then.
            CREATE TABLE reservations (
                id text PRIMARY KEY,
                item_id text NOT NULL REFERENCES items (id),
                buyer_id text NOT NULL REFERENCES users (id),
                seller_id text NOT NULL REFERENCES users (id),
                status text NOT NULL,
                reserved_at bigint NOT NULL,
                expires_at bigint NOT NULL,
                confirmed_at bigint,
                buyer_completed_at bigint,
                completed_at bigint,
                cancelled_at bigint,
                cancelled_by text,
                cancel_reason text,
                expired_at bigint,
                origin text NOT NULL DEFAULT 'reserve',
                notified_at bigint
            );
            -- Invariant 3: a free item has at most one reservation that holds it, whatever races the API sees.
            CREATE UNIQUE INDEX ux_reservations_holding_item ON reservations (item_id) WHERE status IN ('active', 'confirmed');
            CREATE INDEX ix_reservations_buyer ON reservations (buyer_id, status);
            CREATE INDEX ix_reservations_seller ON reservations (seller_id, status);
            CREATE TABLE waitlist (
                item_id text NOT NULL REFERENCES items (id),
                user_id text NOT NULL REFERENCES users (id),
                joined_at bigint NOT NULL,
                PRIMARY KEY (item_id, user_id)
            );
            CREATE TABLE ratings (
                id text PRIMARY KEY,
                reservation_id text NOT NULL REFERENCES reservations (id),
                rater_id text NOT NULL REFERENCES users (id),
                rated_user_id text NOT NULL REFERENCES users (id),
                score bigint NOT NULL CHECK (score BETWEEN 1 AND 5),
                comment text NOT NULL,
                created_at bigint NOT NULL,
                visible_at bigint,
                UNIQUE (reservation_id, rater_id)
            );
            CREATE INDEX ix_ratings_rated ON ratings (rated_user_id, visible_at);
            """),
    ];
}
