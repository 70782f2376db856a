using EcoBid.Events.Sqlite;

namespace EcoBid.Server.Backups;

/// <summary>
/// Backup runs the server was asked for (by the Backup schedule or an admin): a durable request row, so a run a
/// restart interrupted is taken up again, with its outcome once done.
/// </summary>
public static class BackupsSchema
{
    public static IReadOnlyList<SchemaScript> Scripts { get; } =
    [
        new("backups", 1, """
            CREATE TABLE backup_runs (
                id TEXT PRIMARY KEY,
                trigger TEXT NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('pending', 'running', 'completed', 'failed')),
                requested_at INTEGER NOT NULL,
                started_at INTEGER,
                finished_at INTEGER,
                folder TEXT,
                size_bytes INTEGER,
                error TEXT
            );
            CREATE INDEX ix_backup_runs_status ON backup_runs (status, requested_at);
            """),
    ];
}
