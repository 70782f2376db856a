using EcoBid.Events.Sqlite;

namespace EcoBid.Server.Disputes;

public static class DisputesSchema
{
    public static IReadOnlyList<SchemaScript> Scripts { get; } =
    [
        new("disputes", 1, """
            CREATE TABLE disputes (
                id TEXT PRIMARY KEY,
                reservation_id TEXT NOT NULL REFERENCES reservations (id),
                buyer_id TEXT NOT NULL REFERENCES users (id),
                seller_id TEXT NOT NULL REFERENCES users (id),
                opened_by TEXT NOT NULL,
                type TEXT NOT NULL,
                status TEXT NOT NULL,
                text TEXT NOT NULL,
                response_text TEXT,
                response_accept INTEGER,
                outcome TEXT,
                resolved_by TEXT,
                admin_note TEXT,
                opened_at INTEGER NOT NULL,
                respond_by INTEGER NOT NULL,
                expires_at INTEGER NOT NULL,
                resolved_at INTEGER,
                response_token TEXT,
                admin_token TEXT,
                execution_arn TEXT
            );
            -- At most one open dispute per reservation, whatever races the API sees.
            CREATE UNIQUE INDEX ux_disputes_open ON disputes (reservation_id) WHERE status <> 'resolved';
            CREATE INDEX ix_disputes_status ON disputes (status, opened_at);
            """),
    ];
}
