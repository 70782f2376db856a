using Dapper;
using EcoBid.Events.Storage;
using EcoBid.Server.Storage;

namespace EcoBid.Server.Workflows.Persistence;

/// <summary>
/// <see cref="IWorkflowStore"/> on the SQLite file: all of the workflow runtime's SQL. The statements of the durable
/// loop (history, progress) go through the writer's cache of prepared commands, because one execution writes dozens of
/// history rows per transaction.
/// </summary>
public sealed class SqliteWorkflowStore(IEventDatabase database) : IWorkflowStore
{
    private const string MachineColumns = "name, arn, type, role_arn, status, current_version, origin, logging, description, created_at, updated_at";
    private const string VersionColumns = "machine, version, definition, definition_hash, revision_id, published, description, created_at";
    private const string ExecutionColumns = "arn, id, machine, name, version, status, input, input_hash, output, error, cause, started_at, stopped_at, trace_header, started_by, parent_arn, parent_invocation, parent_mode, history_count";

    public Task<StateMachineRecord?> FindMachineAsync(IWriteScope scope, string name)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.Connection.QuerySingleOrDefaultAsync<StateMachineRecord>(
            $"SELECT {MachineColumns} FROM workflow_state_machines WHERE name = @name", new { name }, scope.Transaction);
    }

    public Task<StateMachineRecord?> FindMachineAsync(string name, CancellationToken cancellationToken) =>
        database.ReadAsync(connection => connection.QuerySingleOrDefaultAsync<StateMachineRecord>(
            $"SELECT {MachineColumns} FROM workflow_state_machines WHERE name = @name", new { name }), cancellationToken);

    public Task<IReadOnlyList<StateMachineRecord>> ListMachinesAsync(string? afterName, int limit, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<StateMachineRecord>>(async connection => (await connection.QueryAsync<StateMachineRecord>(
            $"SELECT {MachineColumns} FROM workflow_state_machines WHERE name > @after ORDER BY name LIMIT @limit",
            new { after = afterName ?? string.Empty, limit })).AsList(), cancellationToken);

    public Task InsertMachineAsync(IWriteScope scope, StateMachineRecord machine)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.Connection.ExecuteAsync(
            $"INSERT INTO workflow_state_machines ({MachineColumns}) VALUES (@Name, @Arn, @Type, @RoleArn, @Status, @CurrentVersion, @Origin, @Logging, @Description, @CreatedAt, @UpdatedAt)",
            machine, scope.Transaction);
    }

    public Task UpdateMachineAsync(IWriteScope scope, StateMachineRecord machine)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.Connection.ExecuteAsync(
            """
            UPDATE workflow_state_machines SET current_version = @CurrentVersion, status = @Status, role_arn = @RoleArn, logging = @Logging,
                type = @Type, origin = @Origin, description = @Description, updated_at = @UpdatedAt
            WHERE name = @Name
            """,
            machine, scope.Transaction);
    }

    public Task DeleteMachineAsync(IWriteScope scope, string name)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.Connection.ExecuteAsync("DELETE FROM workflow_state_machines WHERE name = @name", new { name }, scope.Transaction);
    }

    public Task<StateMachineVersionRecord?> FindVersionAsync(IWriteScope scope, string machine, int version)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.Connection.QuerySingleOrDefaultAsync<StateMachineVersionRecord>(
            $"SELECT {VersionColumns} FROM workflow_versions WHERE machine = @machine AND version = @version", new { machine, version }, scope.Transaction);
    }

    public Task<StateMachineVersionRecord?> FindVersionAsync(string machine, int version, CancellationToken cancellationToken) =>
        database.ReadAsync(connection => connection.QuerySingleOrDefaultAsync<StateMachineVersionRecord>(
            $"SELECT {VersionColumns} FROM workflow_versions WHERE machine = @machine AND version = @version", new { machine, version }), cancellationToken);

    public Task InsertVersionAsync(IWriteScope scope, StateMachineVersionRecord version)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.Connection.ExecuteAsync(
            $"INSERT INTO workflow_versions ({VersionColumns}) VALUES (@Machine, @Version, @Definition, @DefinitionHash, @RevisionId, @Published, @Description, @CreatedAt)",
            new { version.Machine, version.Version, version.Definition, version.DefinitionHash, version.RevisionId, Published = version.Published ? 1 : 0, version.Description, version.CreatedAt },
            scope.Transaction);
    }

    public Task<ExecutionRecord?> FindExecutionAsync(IWriteScope scope, string arn)
    {
        ArgumentNullException.ThrowIfNull(scope);

        // Every advance of an execution reads it here first, so on PostgreSQL advances of one execution take turns on
        // its row, and a waiting one reads the winner's committed state. Without it a task's timeout and its callback
        // (or a stop) could advance together, each locking a token or a history key the other then wanted: a deadlock.
        // SQLite has one writer: the lock is that already.
        var forUpdate = SqlDialects.Of(scope.Connection) == SqlDialect.Postgres ? " FOR UPDATE" : string.Empty;
        return scope.Connection.QuerySingleOrDefaultAsync<ExecutionRecord>(
            $"SELECT {ExecutionColumns} FROM workflow_executions WHERE arn = @arn{forUpdate}", new { arn }, scope.Transaction);
    }

    public Task<ExecutionRecord?> FindExecutionByNameAsync(IWriteScope scope, string machine, string name)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.Connection.QuerySingleOrDefaultAsync<ExecutionRecord>(
            $"SELECT {ExecutionColumns} FROM workflow_executions WHERE machine = @machine AND name = @name", new { machine, name }, scope.Transaction);
    }

    public Task<ExecutionRecord?> FindExecutionAsync(string arnOrId, CancellationToken cancellationToken) =>
        database.ReadAsync(async connection =>
            await connection.QuerySingleOrDefaultAsync<ExecutionRecord>($"SELECT {ExecutionColumns} FROM workflow_executions WHERE arn = @arnOrId", new { arnOrId })
            ?? await connection.QuerySingleOrDefaultAsync<ExecutionRecord>($"SELECT {ExecutionColumns} FROM workflow_executions WHERE id = @arnOrId", new { arnOrId }),
            cancellationToken);

    public Task<IReadOnlyList<ExecutionRecord>> ListExecutionsAsync(string machine, string? status, ExecutionCursor? after, int limit, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<ExecutionRecord>>(async connection => (await connection.QueryAsync<ExecutionRecord>(
            $"""
            SELECT {ExecutionColumns} FROM workflow_executions
            WHERE machine = @machine AND (@status IS NULL OR status = @status)
              AND (@afterStarted IS NULL OR started_at < @afterStarted OR (started_at = @afterStarted AND arn < @afterArn))
            ORDER BY started_at DESC, arn DESC LIMIT @limit
            """,
            new { machine, status, afterStarted = after?.StartedAt, afterArn = after?.Arn, limit })).AsList(), cancellationToken);

    public async Task<IReadOnlyList<string>> ListRunningAsync(IWriteScope scope, string machine)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return (await scope.Connection.QueryAsync<string>(
            "SELECT arn FROM workflow_executions WHERE machine = @machine AND status = 'RUNNING'", new { machine }, scope.Transaction)).AsList();
    }

    public async Task InsertExecutionAsync(IWriteScope scope, ExecutionRecord execution, string snapshot)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(execution);
        await scope.Prepared(
            $"""
            INSERT INTO workflow_executions ({ExecutionColumns})
            VALUES (@arn, @id, @machine, @name, @version, @status, @input, @input_hash, @output, @error, @cause, @started_at, @stopped_at,
                    @trace_header, @started_by, @parent_arn, @parent_invocation, @parent_mode, @history_count)
            """,
            ("@arn", execution.Arn), ("@id", execution.Id), ("@machine", execution.Machine), ("@name", execution.Name), ("@version", execution.Version),
            ("@status", execution.Status), ("@input", execution.Input), ("@input_hash", execution.InputHash), ("@output", execution.Output),
            ("@error", execution.Error), ("@cause", execution.Cause), ("@started_at", execution.StartedAt), ("@stopped_at", execution.StoppedAt),
            ("@trace_header", execution.TraceHeader), ("@started_by", execution.StartedBy), ("@parent_arn", execution.ParentArn),
            ("@parent_invocation", execution.ParentInvocation), ("@parent_mode", execution.ParentMode), ("@history_count", execution.HistoryCount))
            .ExecuteNonQueryAsync(scope.CancellationToken);
        await scope.Prepared("INSERT INTO workflow_snapshots (execution, snapshot) VALUES (@execution, @snapshot)", ("@execution", execution.Arn), ("@snapshot", snapshot))
            .ExecuteNonQueryAsync(scope.CancellationToken);
    }

    public async Task SaveProgressAsync(IWriteScope scope, ExecutionRecord execution, string snapshot)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(execution);
        await scope.Prepared(
            "UPDATE workflow_executions SET status = @status, output = @output, error = @error, cause = @cause, stopped_at = @stopped_at, history_count = @history_count WHERE arn = @arn",
            ("@status", execution.Status), ("@output", execution.Output), ("@error", execution.Error), ("@cause", execution.Cause),
            ("@stopped_at", execution.StoppedAt), ("@history_count", execution.HistoryCount), ("@arn", execution.Arn))
            .ExecuteNonQueryAsync(scope.CancellationToken);
        await scope.Prepared("UPDATE workflow_snapshots SET snapshot = @snapshot WHERE execution = @execution", ("@snapshot", snapshot), ("@execution", execution.Arn))
            .ExecuteNonQueryAsync(scope.CancellationToken);
    }

    public async Task<string?> LoadSnapshotAsync(IWriteScope scope, string arn)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return await scope.Prepared("SELECT snapshot FROM workflow_snapshots WHERE execution = @execution", ("@execution", arn))
            .ExecuteScalarAsync(scope.CancellationToken) as string;
    }

    public async Task AppendHistoryAsync(IWriteScope scope, string arn, IReadOnlyList<HistoryRow> events)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(events);
        foreach (var row in events)
        {
            await scope.Prepared("INSERT INTO workflow_history (execution, id, event) VALUES (@execution, @id, @event)", ("@execution", arn), ("@id", row.Id), ("@event", row.Event))
                .ExecuteNonQueryAsync(scope.CancellationToken);
        }
    }

    public Task<IReadOnlyList<HistoryRow>> ReadHistoryAsync(string arn, long? afterId, bool reverse, int limit, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<HistoryRow>>(async connection => (await connection.QueryAsync<HistoryRow>(
            reverse
                ? "SELECT id, event FROM workflow_history WHERE execution = @arn AND id < @after ORDER BY id DESC LIMIT @limit"
                : "SELECT id, event FROM workflow_history WHERE execution = @arn AND id > @after ORDER BY id LIMIT @limit",
            new { arn, after = afterId ?? (reverse ? long.MaxValue : 0), limit })).AsList(), cancellationToken);

    public Task InsertTokenAsync(IWriteScope scope, string token, string execution, string invocation)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.Connection.ExecuteAsync(
            "INSERT INTO workflow_task_tokens (token, execution, invocation, status, created_at) VALUES (@token, @execution, @invocation, 'open', @now) ON CONFLICT (token) DO NOTHING",
            new { token, execution, invocation, now = scope.Now.ToUnixTimeMilliseconds() }, scope.Transaction);
    }

    public Task<TaskTokenRecord?> FindTokenAsync(IWriteScope scope, string token)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.Connection.QuerySingleOrDefaultAsync<TaskTokenRecord>(
            "SELECT token, execution, invocation, status FROM workflow_task_tokens WHERE token = @token", new { token }, scope.Transaction);
    }

    public Task CloseTokensOfInvocationAsync(IWriteScope scope, string invocation, string status)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.Connection.ExecuteAsync(
            "UPDATE workflow_task_tokens SET status = @status WHERE invocation = @invocation AND status = 'open'", new { invocation, status }, scope.Transaction);
    }

    public Task CloseTokensOfExecutionAsync(IWriteScope scope, string execution)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.Connection.ExecuteAsync(
            "UPDATE workflow_task_tokens SET status = 'closed' WHERE execution = @execution AND status = 'open'", new { execution }, scope.Transaction);
    }
}
