using EcoBid.Events.Postgres;

namespace EcoBid.Server.Backups;

/// <summary>The backup runs of <see cref="BackupsSchema"/> on PostgreSQL, with SQLite's storage classes (times in unix milliseconds).</summary>
public static class BackupsPostgresSchema
{
    public static IReadOnlyList<PostgresSchemaScript> Scripts { get; } =
    [
        new("backups", 1, """
            CREATE TABLE backup_runs (
                id text PRIMARY KEY,
                trigger text NOT NULL,
                status text NOT NULL CHECK (status IN ('pending', 'running', 'completed', 'failed')),
                requested_at bigint NOT NULL,
                started_at bigint,
                finished_at bigint,
                folder text,
                size_bytes bigint,
                error text
            );
            CREATE INDEX ix_backup_runs_status ON backup_runs (status, requested_at);
            """),
    ];
}
