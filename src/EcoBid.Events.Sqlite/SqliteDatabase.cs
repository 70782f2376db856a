using System.Collections.Concurrent;
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
public sealed partial class SqliteDatabase : IEventDatabase, IAsyncDisposable, IDisposable
{
    /// <summary>The most writes one commit takes; a long queue is committed in several groups.</summary>
    private const int MaxGroup = 32;

    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly SqliteCommandCache _commands = new();
    private readonly ConcurrentQueue<QueuedWrite<SqliteWriteScope>> _pending = new();
    private readonly string _connectionString;
    private readonly SqliteOptions _options;
    private readonly RuntimeSignals _signals;
    private readonly TimeProvider _clock;
    private SqliteConnection? _writer;
    private SqliteConnection? _checkpointer;
    private long _commits;
    private long _commitsAtCheckpoint;

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

    /// <summary>
    /// Runs <paramref name="work"/> in a write transaction and returns once that transaction has committed. Writes that
    /// queue up while another runs are committed together (group commit): each in a savepoint of its own, so one that
    /// throws rolls back alone and only its caller sees the exception, and each caller returns only after the shared
    /// commit. Whoever finds the gate free runs the queue (its own write first in line); so that a caller is not kept
    /// running others' writes, it hands what is left to a pool thread once its own has committed.
    /// </summary>
    public Task<T> WriteAsync<T>(Func<IWriteScope, Task<T>> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        var request = new QueuedWrite<SqliteWriteScope, T>(work, cancellationToken);
        _pending.Enqueue(request);
        return _writeGate.Wait(0, CancellationToken.None) ? LeadAsync(request) : request.Task;
    }

    public async Task<T> ReadAsync<T>(Func<DbConnection, Task<T>> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, $"PRAGMA busy_timeout = 10000; PRAGMA mmap_size = {Math.Max(0, _options.MmapSizeBytes)};", cancellationToken);
        return await work(connection);
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
        _commands.Dispose();
        _checkpointer?.Dispose();
        _writer?.Dispose();
        _writeGate.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        _commands.Dispose();
        if (_checkpointer is not null)
        {
            await _checkpointer.DisposeAsync();
        }

        if (_writer is not null)
        {
            await _writer.DisposeAsync();
        }

        _writeGate.Dispose();
    }

    private async Task<T> LeadAsync<T>(QueuedWrite<SqliteWriteScope, T> own)
    {
        try
        {
            while (!own.IsCompleted && !_pending.IsEmpty)
            {
                await RunGroupAsync();
            }
        }
        finally
        {
            ReleaseGate();
        }

        return await own.Task;
    }

    /// <summary>Called by the gate's holder when it is done: passes the gate on to a pool thread while writes are queued.</summary>
    private void ReleaseGate()
    {
        if (!_pending.IsEmpty)
        {
            _ = Task.Run(DrainAsync);
            return;
        }

        _writeGate.Release();

        // A write queued after the look above, but before the release, found the gate taken: serve it.
        if (!_pending.IsEmpty && _writeGate.Wait(0))
        {
            _ = Task.Run(DrainAsync);
        }
    }

    private async Task DrainAsync()
    {
        while (true)
        {
            while (!_pending.IsEmpty)
            {
                await RunGroupAsync();
            }

            _writeGate.Release();
            if (_pending.IsEmpty || !_writeGate.Wait(0))
            {
                return;
            }
        }
    }

    /// <summary>Runs up to <see cref="MaxGroup"/> queued writes in one transaction. Never throws: it fails the requests.</summary>
    private async Task RunGroupAsync()
    {
        var group = new List<QueuedWrite<SqliteWriteScope>>();
        while (group.Count < MaxGroup && _pending.TryDequeue(out var request))
        {
            if (request.CancellationToken.IsCancellationRequested)
            {
                request.Fail(new OperationCanceledException(request.CancellationToken));
                continue;
            }

            group.Add(request);
        }

        if (group.Count == 0)
        {
            return;
        }

        try
        {
            var connection = await WriterAsync(CancellationToken.None);
            if (group.Count == 1)
            {
                await RunAloneAsync(connection, group[0]);
            }
            else
            {
                await RunTogetherAsync(connection, group);
            }
        }
        catch (Exception ex)
        {
            foreach (var request in group)
            {
                request.Fail(ex);
            }
        }
    }

    /// <summary>One write, one transaction: it commits, or it rolls back and its caller gets the exception.</summary>
    private async Task RunAloneAsync(SqliteConnection connection, QueuedWrite<SqliteWriteScope> request)
    {
        try
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(request.CancellationToken);
            await request.RunAsync(new SqliteWriteScope(connection, transaction, _commands, _clock.GetUtcNow(), request.CancellationToken));
            await transaction.CommitAsync(request.CancellationToken);
        }
        catch (Exception ex)
        {
            request.Fail(ex);
            return;
        }

        Completed([request]);
    }

    /// <summary>
    /// Several writes, one transaction, a savepoint each. A write that throws is rolled back to its savepoint and
    /// failed alone. If the transaction itself is lost (an error SQLite answers by rolling back everything, or a
    /// failed commit), every write of the group that has not failed on its own fails with that error.
    /// </summary>
    private async Task RunTogetherAsync(SqliteConnection connection, List<QueuedWrite<SqliteWriteScope>> group)
    {
        var members = new List<QueuedWrite<SqliteWriteScope>>(group.Count);
        var next = 0;
        try
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(CancellationToken.None);
            for (; next < group.Count; next++)
            {
                var request = group[next];
                await Savepoint(transaction, "SAVEPOINT ecobid_write").ExecuteNonQueryAsync(CancellationToken.None);
                try
                {
                    await request.RunAsync(new SqliteWriteScope(connection, transaction, _commands, _clock.GetUtcNow(), request.CancellationToken));
                }
                catch (Exception ex) when (InTransaction(connection))
                {
                    await Savepoint(transaction, "ROLLBACK TO ecobid_write").ExecuteNonQueryAsync(CancellationToken.None);
                    await Savepoint(transaction, "RELEASE ecobid_write").ExecuteNonQueryAsync(CancellationToken.None);
                    request.Fail(ex);
                    continue;
                }

                await Savepoint(transaction, "RELEASE ecobid_write").ExecuteNonQueryAsync(CancellationToken.None);
                members.Add(request);
            }

            await transaction.CommitAsync(CancellationToken.None);
        }
        catch (Exception ex)
        {
            QueuedWrites.FailAll(members.Concat(group.Skip(next)), ex);
            return;
        }

        Completed(members);
    }

    private SqliteCommand Savepoint(SqliteTransaction transaction, string sql) =>
        _commands.Get(transaction.Connection!, transaction, sql, []);

    /// <summary>Whether the connection still has its transaction open (SQLite rolls back the whole of it on some errors).</summary>
    private static bool InTransaction(SqliteConnection connection) => SQLitePCL.raw.sqlite3_get_autocommit(connection.Handle) == 0;

    /// <summary>After the commit: wakes the relay if any write published, runs the writes' after-commit actions, then returns to the callers.</summary>
    private void Completed(IReadOnlyList<QueuedWrite<SqliteWriteScope>> committed)
    {
        Interlocked.Increment(ref _commits);
        QueuedWrites.Committed(committed, _signals.Outbox.Set);
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
        var checkpointPages = Math.Max(_options.WalAutoCheckpointPages, 1);
        await ExecuteAsync(
            connection,
            $"PRAGMA journal_mode = WAL; PRAGMA synchronous = {synchronous}; PRAGMA busy_timeout = 10000; PRAGMA foreign_keys = ON; PRAGMA wal_autocheckpoint = {checkpointPages};",
            cancellationToken);
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
