namespace EcoBid.Events.Sqlite;

/// <summary>The runtime's own tables. Times are Unix milliseconds (UTC), which keeps comparisons integer-cheap.</summary>
internal static class RuntimeSchema
{
    public const string Component = "runtime";

    public static IReadOnlyList<SchemaScript> Scripts { get; } =
    [
        new(Component, 1, """
            CREATE TABLE outbox (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                envelope TEXT NOT NULL,
                created_at INTEGER NOT NULL
            );
            CREATE TABLE event_archive (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                event_id TEXT NOT NULL UNIQUE,
                source TEXT NOT NULL,
                detail_type TEXT NOT NULL,
                event_time INTEGER NOT NULL,
                envelope TEXT NOT NULL,
                archived_at INTEGER NOT NULL
            );
            CREATE INDEX ix_event_archive_time ON event_archive (event_time, seq);
            CREATE TABLE queue_messages (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                queue TEXT NOT NULL,
                event_id TEXT NOT NULL,
                message_key TEXT NOT NULL,
                body TEXT NOT NULL,
                enqueued_at INTEGER NOT NULL,
                visible_at INTEGER NOT NULL,
                receive_count INTEGER NOT NULL DEFAULT 0,
                in_flight INTEGER NOT NULL DEFAULT 0,
                last_error TEXT,
                source_queue TEXT,
                dead_lettered_at INTEGER
            );
            CREATE INDEX ix_queue_messages_ready ON queue_messages (queue, visible_at, id);
            CREATE TABLE inbox (
                consumer TEXT NOT NULL,
                message_key TEXT NOT NULL,
                processed_at INTEGER NOT NULL,
                PRIMARY KEY (consumer, message_key)
            ) WITHOUT ROWID;
            """),
        new(Component, 2, """
            CREATE TABLE timers (
                key TEXT PRIMARY KEY,
                due_at INTEGER NOT NULL,
                envelope TEXT NOT NULL,
                schedule TEXT,
                created_at INTEGER NOT NULL
            );
            CREATE INDEX ix_timers_due ON timers (due_at);
            CREATE TABLE schedules (
                name TEXT PRIMARY KEY,
                definition TEXT NOT NULL,
                anchor_at INTEGER NOT NULL,
                last_fired_at INTEGER
            );
            """),

        // Replays and their progress; last_time/last_seq is the archive position of the last event read
        // (event_archive's (event_time, seq)), from which a restarted runner carries on.
        new(Component, 3, """
            CREATE TABLE replays (
                name TEXT PRIMARY KEY,
                event_from INTEGER NOT NULL,
                event_to INTEGER NOT NULL,
                event_pattern TEXT,
                targets TEXT,
                state TEXT NOT NULL CHECK (state IN ('pending', 'running', 'completed', 'cancelled', 'failed')),
                total INTEGER NOT NULL DEFAULT 0,
                scanned INTEGER NOT NULL DEFAULT 0,
                matched INTEGER NOT NULL DEFAULT 0,
                delivered INTEGER NOT NULL DEFAULT 0,
                last_time INTEGER,
                last_seq INTEGER,
                created_at INTEGER NOT NULL,
                started_at INTEGER,
                finished_at INTEGER,
                error TEXT
            );
            CREATE INDEX ix_replays_state ON replays (state, created_at);
            """),
    ];
}
