using EcoBid.Events.Sqlite;

namespace EcoBid.Server.Workflows.Persistence;

/// <summary>The workflow runtime's tables (component <c>workflows</c>); every statement on them is in <see cref="SqliteWorkflowStore"/>.</summary>
public static class WorkflowsSchema
{
    public static IReadOnlyList<SchemaScript> Scripts { get; } =
    [
        new("workflows", 1, """
            CREATE TABLE workflow_state_machines (
                name TEXT PRIMARY KEY,
                arn TEXT NOT NULL UNIQUE,
                type TEXT NOT NULL,
                role_arn TEXT NOT NULL,
                status TEXT NOT NULL,
                current_version INTEGER NOT NULL,
                origin TEXT NOT NULL,
                logging TEXT,
                description TEXT,
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL
            );
            -- Every definition a machine ever had: an execution runs the version it started with.
            CREATE TABLE workflow_versions (
                machine TEXT NOT NULL REFERENCES workflow_state_machines (name) ON DELETE CASCADE,
                version INTEGER NOT NULL,
                definition TEXT NOT NULL,
                definition_hash TEXT NOT NULL,
                revision_id TEXT NOT NULL,
                published INTEGER NOT NULL,
                description TEXT,
                created_at INTEGER NOT NULL,
                PRIMARY KEY (machine, version)
            ) WITHOUT ROWID;
            -- (machine, name) is the idempotency key of StartExecution; input_hash tells a repeat from a conflict.
            CREATE TABLE workflow_executions (
                arn TEXT PRIMARY KEY,
                id TEXT NOT NULL UNIQUE,
                machine TEXT NOT NULL,
                name TEXT NOT NULL,
                version INTEGER NOT NULL,
                status TEXT NOT NULL,
                input TEXT NOT NULL,
                input_hash TEXT NOT NULL,
                output TEXT,
                error TEXT,
                cause TEXT,
                started_at INTEGER NOT NULL,
                stopped_at INTEGER,
                trace_header TEXT,
                started_by TEXT,
                parent_arn TEXT,
                parent_invocation TEXT,
                parent_mode TEXT,
                history_count INTEGER NOT NULL DEFAULT 0,
                UNIQUE (machine, name)
            );
            CREATE INDEX ix_workflow_executions_machine ON workflow_executions (machine, started_at DESC);
            CREATE INDEX ix_workflow_executions_status ON workflow_executions (machine, status, started_at DESC);
            CREATE TABLE workflow_snapshots (
                execution TEXT PRIMARY KEY REFERENCES workflow_executions (arn) ON DELETE CASCADE,
                snapshot TEXT NOT NULL
            ) WITHOUT ROWID;
            CREATE TABLE workflow_history (
                execution TEXT NOT NULL REFERENCES workflow_executions (arn) ON DELETE CASCADE,
                id INTEGER NOT NULL,
                event TEXT NOT NULL,
                PRIMARY KEY (execution, id)
            ) WITHOUT ROWID;
            -- status: open while the task waits; closed once answered or abandoned; timed_out when its timer fired.
            CREATE TABLE workflow_task_tokens (
                token TEXT PRIMARY KEY,
                execution TEXT NOT NULL REFERENCES workflow_executions (arn) ON DELETE CASCADE,
                invocation TEXT NOT NULL,
                status TEXT NOT NULL,
                created_at INTEGER NOT NULL
            );
            CREATE INDEX ix_workflow_task_tokens_invocation ON workflow_task_tokens (invocation);
            CREATE INDEX ix_workflow_task_tokens_execution ON workflow_task_tokens (execution, status);
            """),
    ];
}
