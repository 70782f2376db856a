using EcoBid.Events.Postgres;

namespace EcoBid.Server.Disputes;

/// <summary>
/// The disputes table of <see cref="DisputesSchema"/> on PostgreSQL, with SQLite's storage classes (times in unix
/// milliseconds, <c>response_accept</c> a 0/1 flag). Its references to <c>reservations</c> and <c>users</c> are added
/// by <see cref="Hosting.CrossFeatureKeysPostgresSchema"/>: this component is migrated before those tables exist.
/// </summary>
public static class DisputesPostgresSchema
{
    public static IReadOnlyList<PostgresSchemaScript> Scripts { get; } =
    [
        new("disputes", 1, """
            CREATE TABLE disputes (
                id text PRIMARY KEY,
                reservation_id text NOT NULL,
                buyer_id text NOT NULL,
                seller_id text NOT NULL,
                opened_by text NOT NULL,
                type text NOT NULL,
                status text NOT NULL,
                text text NOT NULL,
                response_text text,
                response_accept bigint,
                outcome text,
                resolved_by text,
                admin_note text,
                opened_at bigint NOT NULL,
                respond_by bigint NOT NULL,
                expires_at bigint NOT NULL,
                resolved_at bigint,
                response_token text,
                admin_token text,
                execution_arn text
            );
            -- At most one open dispute per reservation, whatever races the API sees.
            CREATE UNIQUE INDEX ux_disputes_open ON disputes (reservation_id) WHERE status <> 'resolved';
            CREATE INDEX ix_disputes_status ON disputes (status, opened_at);
            """),
    ];
}
