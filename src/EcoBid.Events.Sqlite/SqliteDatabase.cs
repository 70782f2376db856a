using System.Data.Common;
using EcoBid.Events.Signals;
using EcoBid.Events.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace EcoBid.Events.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode. Writes go through a single long-lived connection behind an async
/// gate (SQLite has one writer at a time; queueing here is fairer and faster than busy-retry loops), reads use pooled
/// connections that run alongside the writer. Other processes on the same file (CLI verbs) wait on busy_timeout.
/// </summary>
public sealed class SqliteDatabase : IEventDatabase, IAsyncDisposable, IDisposable
{
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly string _connectionString;
    private readonly SqliteOptions _options;
    private readonly RuntimeSignals _signals;
    private readonly TimeProvider _clock;
    private SqliteConnection? _writer;

    public SqliteDatabase(IOptions<SqliteOptions> options, RuntimeSignals signals, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _signals = signals;
        _clock = clock;
        var fullPath = System.IO.Path.GetFullPath(_options.Path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(fullPath)!);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        Path = fullPath;
    }

    public string Path { get; }

    public TimeProvider Clock => _clock;

    public async Task<T> WriteAsync<T>(Func<IWriteScope, Task<T>> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        SqliteWriteScope scope;
        T result;
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            var connection = await WriterAsync(cancellationToken);
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            scope = new SqliteWriteScope(connection, transaction, _clock.GetUtcNow(), cancellationToken);
            result = await work(scope);
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            _writeGate.Release();
        }

        if (scope.Published > 0)
        {
            _signals.Outbox.Set();
        }

        foreach (var action in scope.Committed ?? [])
        {
            action();
        }

        return result;
    }

    public async Task<T> ReadAsync<T>(Func<DbConnection, Task<T>> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, $"PRAGMA busy_timeout = 10000; PRAGMA mmap_size = {Math.Max(0, _options.MmapSizeBytes)};", cancellationToken);
        return await work(connection);
    }

    /// <summary>Applies every script not applied yet, in version order per component, each in its own transaction.</summary>
    public async Task MigrateAsync(IEnumerable<SchemaScript> scripts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scripts);
        var all = RuntimeSchema.Scripts.Concat(scripts).OrderBy(s => s.Component == RuntimeSchema.Component ? 0 : 1).ThenBy(s => s.Component, StringComparer.Ordinal).ThenBy(s => s.Version);
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            var connection = await WriterAsync(cancellationToken);
            await ExecuteAsync(connection, "CREATE TABLE IF NOT EXISTS schema_versions (component TEXT NOT NULL, version INTEGER NOT NULL, applied_at INTEGER NOT NULL, PRIMARY KEY (component, version));", cancellationToken);
            foreach (var script in all)
            {
                await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
                await using var check = connection.CreateCommand();
                check.Transaction = transaction;
                check.CommandText = "SELECT COUNT(*) FROM schema_versions WHERE component = $c AND version = $v";
                check.Parameters.AddWithValue("$c", script.Component);
                check.Parameters.AddWithValue("$v", script.Version);
                if (Convert.ToInt64(await check.ExecuteScalarAsync(cancellationToken)) > 0)
                {
                    continue;
                }

                await using var apply = connection.CreateCommand();
                apply.Transaction = transaction;
                apply.CommandText = script.Sql + "\nINSERT INTO schema_versions (component, version, applied_at) VALUES ($c, $v, $t);";
                apply.Parameters.AddWithValue("$c", script.Component);
                apply.Parameters.AddWithValue("$v", script.Version);
                apply.Parameters.AddWithValue("$t", _clock.GetUtcNow().ToUnixTimeMilliseconds());
                await apply.ExecuteNonQueryAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Checks the file answers a query (readiness).</summary>
    public Task<bool> PingAsync(CancellationToken cancellationToken) =>
        ReadAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM schema_versions";
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken)) > 0;
        }, cancellationToken);

    public void Dispose()
    {
        _writer?.Dispose();
        _writeGate.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        if (_writer is not null)
        {
            await _writer.DisposeAsync();
        }

        _writeGate.Dispose();
    }

    private async Task<SqliteConnection> WriterAsync(CancellationToken cancellationToken)
    {
        if (_writer is not null)
        {
            return _writer;
        }

        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        var synchronous = _options.Synchronous.ToUpperInvariant() switch
        {
            "FULL" => "FULL",
            "EXTRA" => "EXTRA",
            _ => "NORMAL",
        };
        await ExecuteAsync(connection, $"PRAGMA journal_mode = WAL; PRAGMA synchronous = {synchronous}; PRAGMA busy_timeout = 10000; PRAGMA foreign_keys = ON;", cancellationToken);
        _writer = connection;
        return connection;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
