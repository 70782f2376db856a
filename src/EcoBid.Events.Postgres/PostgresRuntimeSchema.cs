namespace EcoBid.Events.Postgres;

/// <summary>
/// The runtime's own tables, the SQLite adapter's tables in PostgreSQL types: times are <c>timestamptz</c>, sequences
/// are identity columns, envelopes stay text (jsonb would reorder their keys, and the archive keeps an event exactly).
/// </summary>
internal static class PostgresRuntimeSchema
{
    public const string Component = "runtime";

    public static IReadOnlyList<PostgresSchemaScript> Scripts { get; } =
    [
        new(Component, 1, """
            CREATE TABLE outbox (
                seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                envelope text NOT NULL,
                created_at timestamptz NOT NULL
            );
            CREATE TABLE event_archive (
                seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                event_id text NOT NULL UNIQUE,
                source text NOT NULL,
                detail_type text NOT NULL,
                event_time timestamptz NOT NULL,
                envelope text NOT NULL,
                archived_at timestamptz NOT NULL
            );
            CREATE INDEX ix_event_archive_time ON event_archive (event_time, seq);
            CREATE TABLE queue_messages (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                queue text NOT NULL,
                event_id text NOT NULL,
                message_key text NOT NULL,
                body text NOT NULL,
                enqueued_at timestamptz NOT NULL,
                visible_at timestamptz NOT NULL,
                receive_count integer NOT NULL DEFAULT 0,
                in_flight boolean NOT NULL DEFAULT false,
                last_error text,
                source_queue text,
                dead_lettered_at timestamptz
            );
            CREATE INDEX ix_queue_messages_ready ON queue_messages (queue, visible_at, id);
            CREATE TABLE inbox (
                consumer text NOT NULL,
                message_key text NOT NULL,
                processed_at timestamptz NOT NULL,
                PRIMARY KEY (consumer, message_key)
            );
            CREATE INDEX ix_inbox_processed ON inbox (processed_at);
            """),
        new(Component, 2, """
            CREATE TABLE timers (
                key text PRIMARY KEY,
                due_at timestamptz NOT NULL,
                envelope text NOT NULL,
                schedule text,
                created_at timestamptz NOT NULL
            );
            CREATE INDEX ix_timers_due ON timers (due_at);
            CREATE TABLE schedules (
                name text PRIMARY KEY,
                definition text NOT NULL,
                anchor_at timestamptz NOT NULL,
                last_fired_at timestamptz
            );
            """),
        new(Component, 3, """
            CREATE TABLE replays (
                name text PRIMARY KEY,
                event_from timestamptz NOT NULL,
                event_to timestamptz NOT NULL,
                event_pattern text,
                targets text,
                state text NOT NULL CHECK (state IN ('pending', 'running', 'completed', 'cancelled', 'failed')),
                total bigint NOT NULL DEFAULT 0,
                scanned bigint NOT NULL DEFAULT 0,
                matched bigint NOT NULL DEFAULT 0,
                delivered bigint NOT NULL DEFAULT 0,
                last_time timestamptz,
                last_seq bigint,
                created_at timestamptz NOT NULL,
                started_at timestamptz,
                finished_at timestamptz,
                error text,
                created_order bigint GENERATED ALWAYS AS IDENTITY
            );
            CREATE INDEX ix_replays_state ON replays (state, created_at);
            """),
    ];
}
