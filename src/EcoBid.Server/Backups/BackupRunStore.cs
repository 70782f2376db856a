using Dapper;
using EcoBid.Events.Signals;
using EcoBid.Events.Storage;

namespace EcoBid.Server.Backups;

/// <summary>The <c>backup_runs</c> table: requests in, one run at a time out, outcomes recorded.</summary>
public sealed class BackupRunStore(IEventDatabase database)
{
    private const string Columns = "id, trigger, status, requested_at AS RequestedAt, started_at AS StartedAt, finished_at AS FinishedAt, folder, size_bytes AS SizeBytes, error";

    /// <summary>Wakes the runner when a request commits.</summary>
    public AsyncSignal Requested { get; } = new();

    /// <summary>Asks for a backup, in the caller's transaction; the same <paramref name="id"/> twice asks once.</summary>
    public async Task<bool> RequestAsync(IWriteScope scope, string id, string trigger)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var added = await scope.Connection.ExecuteAsync(
            "INSERT INTO backup_runs (id, trigger, status, requested_at) VALUES (@id, @trigger, 'pending', @now) ON CONFLICT (id) DO NOTHING",
            new { id, trigger, now = scope.Now.ToUnixTimeMilliseconds() }, scope.Transaction);
        scope.OnCommitted(Requested.Set);
        return added == 1;
    }

    /// <summary>Marks the oldest pending run running and returns it, or <c>null</c> when none waits.</summary>
    public Task<BackupRun?> StartNextAsync(CancellationToken cancellationToken) =>
        database.WriteAsync(async scope => Map(await scope.Connection.QuerySingleOrDefaultAsync<Row>(
            $"""
            UPDATE backup_runs SET status = 'running', started_at = @now
            WHERE id = (SELECT id FROM backup_runs WHERE status = 'pending' ORDER BY requested_at, id LIMIT 1)
            RETURNING {Columns}
            """,
            new { now = scope.Now.ToUnixTimeMilliseconds() }, scope.Transaction)), cancellationToken);

    public Task FinishAsync(string id, string? folder, long? size, string? error, CancellationToken cancellationToken) =>
        database.WriteAsync(scope => scope.Connection.ExecuteAsync(
            "UPDATE backup_runs SET status = @status, finished_at = @now, folder = @folder, size_bytes = @size, error = @error WHERE id = @id",
            new { id, status = error is null ? "completed" : "failed", now = scope.Now.ToUnixTimeMilliseconds(), folder, size, error }, scope.Transaction), cancellationToken);

    /// <summary>Runs a stop or crash interrupted go back to pending, to be taken again.</summary>
    public Task<int> ResumeInterruptedAsync(CancellationToken cancellationToken) =>
        database.WriteAsync(scope => scope.Connection.ExecuteAsync("UPDATE backup_runs SET status = 'pending', started_at = NULL WHERE status = 'running'", transaction: scope.Transaction), cancellationToken);

    public Task<IReadOnlyList<BackupRun>> ListAsync(int max, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<BackupRun>>(async connection =>
            [.. (await connection.QueryAsync<Row>(new CommandDefinition($"SELECT {Columns} FROM backup_runs ORDER BY requested_at DESC, id DESC LIMIT @max", new { max }, cancellationToken: cancellationToken))).Select(r => Map(r)!)],
            cancellationToken);

    private static BackupRun? Map(Row? row) => row is null ? null : new BackupRun(
        row.Id, row.Trigger, row.Status, At(row.RequestedAt)!.Value, At(row.StartedAt), At(row.FinishedAt), row.Folder, row.SizeBytes, row.Error);

    private static DateTimeOffset? At(long? ms) => ms is { } value ? DateTimeOffset.FromUnixTimeMilliseconds(value) : null;

    private sealed class Row
    {
        public string Id { get; init; } = string.Empty;

        public string Trigger { get; init; } = string.Empty;

        public string Status { get; init; } = string.Empty;

        public long RequestedAt { get; init; }

        public long? StartedAt { get; init; }

        public long? FinishedAt { get; init; }

        public string? Folder { get; init; }

        public long? SizeBytes { get; init; }

        public string? Error { get; init; }
    }
}
