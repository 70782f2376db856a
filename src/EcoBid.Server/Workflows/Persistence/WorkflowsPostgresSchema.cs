using EcoBid.Events.Postgres;

namespace EcoBid.Server.Workflows.Persistence;

/// <summary>The workflow runtime's tables of <see cref="WorkflowsSchema"/> on PostgreSQL, with SQLite's storage classes (times in unix milliseconds, <c>published</c> a 0/1 flag).</summary>
public static class WorkflowsPostgresSchema
{
    public static IReadOnlyList<PostgresSchemaScript> Scripts { get; } =
    [
        new("workflows", 1, """
            CREATE TABLE workflow_state_machines (
                name text PRIMARY KEY,
                arn text NOT NULL UNIQUE,
                type text NOT NULL,
                role_arn text NOT NULL,
                status text NOT NULL,
                current_version bigint NOT NULL,
                origin text NOT NULL,
                logging text,
                description text,
                created_at bigint NOT NULL,
                updated_at bigint NOT NULL
            );
            -- Every definition a machine ever had: an execution runs the version it started with.
            CREATE TABLE workflow_versions (
                machine text NOT NULL REFERENCES workflow_state_machines (name) ON DELETE CASCADE,
                version bigint NOT NULL,
                definition text NOT NULL,
                definition_hash text NOT NULL,
                revision_id text NOT NULL,
                published bigint NOT NULL,
                description text,
                created_at bigint NOT NULL,
                PRIMARY KEY (machine, version)
            );
            -- (machine, name) is the idempotency key of StartExecution; input_hash tells a repeat from a conflict.
            CREATE TABLE workflow_executions (
                arn text PRIMARY KEY,
                id text NOT NULL UNIQUE,
                machine text NOT NULL,
                name text NOT NULL,
                version bigint NOT NULL,
                status text NOT NULL,
                input text NOT NULL,
                input_hash text NOT NULL,
                output text,
                error text,
                cause text,
                started_at bigint NOT NULL,
                stopped_at bigint,
                trace_header text,
                started_by text,
                parent_arn text,
                parent_invocation text,
                parent_mode text,
                history_count bigint NOT NULL DEFAULT 0,
                UNIQUE (machine, name)
            );
            CREATE INDEX ix_workflow_executions_machine ON workflow_executions (machine, started_at DESC);
            CREATE INDEX ix_workflow_executions_status ON workflow_executions (machine, status, started_at DESC);
            CREATE TABLE workflow_snapshots (
                execution text PRIMARY KEY REFERENCES workflow_executions (arn) ON DELETE CASCADE,
                snapshot text NOT NULL
            );
            CREATE TABLE workflow_history (
                execution text NOT NULL REFERENCES workflow_executions (arn) ON DELETE CASCADE,
                id bigint NOT NULL,
                event text NOT NULL,
                PRIMARY KEY (execution, id)
            );
            -- status: open while the task waits; closed once answered or abandoned; timed_out when its timer fired.
            CREATE TABLE workflow_task_tokens (
                token text PRIMARY KEY,
                execution text NOT NULL REFERENCES workflow_executions (arn) ON DELETE CASCADE,
                invocation text NOT NULL,
                status text NOT NULL,
                created_at bigint NOT NULL
            );
            CREATE INDEX ix_workflow_task_tokens_invocation ON workflow_task_tokens (invocation);
            CREATE INDEX ix_workflow_task_tokens_execution ON workflow_task_tokens (execution, status);
            """),
    ];
}
