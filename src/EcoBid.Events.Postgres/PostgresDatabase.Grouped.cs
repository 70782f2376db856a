using EcoBid.Events.Storage;
using Npgsql;

namespace EcoBid.Events.Postgres;

/// <summary>
/// Group commit for one hot aggregate. Writes that each take an aggregate's lock and nothing else (a bid) queue per key in
/// this process; one runner per key opens a transaction, takes the key's advisory lock once and runs up to
/// <see cref="MaxGroup"/> of them one after another, a savepoint each, then commits once. The lock is still
/// PostgreSQL's: another process's writes of the key wait for the commit as before, and that process groups its own
/// callers the same way, so nothing assumes a single writer. What grouping saves is the per-write lock hand-over, the
/// connection and the commit's flush, which is what bounds a single hot auction: without it, every bid holds the lock
/// across its own commit.
/// </summary>
public sealed partial class PostgresDatabase
{
    /// <summary>At most this many writes share a transaction: a caller waits for the whole group's commit.</summary>
    internal const int MaxGroup = 32;

    private const string Savepoint = "ecobid_write";

    private readonly Dictionary<string, Queue<QueuedWrite<PostgresWriteScope>>> _keyed = new(StringComparer.Ordinal);

    /// <summary>How many grouped transactions have committed (and how many writes they held): for tests and the bench.</summary>
    public (long Transactions, long Writes) GroupedCommits => (Interlocked.Read(ref _groupedTransactions), Interlocked.Read(ref _groupedWrites));

    /// <summary>How many keys have writes queued or running in this process.</summary>
    internal int QueuedKeys
    {
        get
        {
            lock (_keyed)
            {
                return _keyed.Count;
            }
        }
    }

    private long _groupedTransactions;
    private long _groupedWrites;

    /// <inheritdoc cref="IEventDatabase.WriteAsync{T}(string, Func{IWriteScope, Task{T}}, CancellationToken)"/>
    public Task<T> WriteAsync<T>(string lockKey, Func<IWriteScope, Task<T>> work, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(lockKey);
        ArgumentNullException.ThrowIfNull(work);
        var request = new QueuedWrite<PostgresWriteScope, T>(work, cancellationToken);
        bool lead;
        lock (_keyed)
        {
            lead = !_keyed.TryGetValue(lockKey, out var pending);
            if (lead)
            {
                pending = new Queue<QueuedWrite<PostgresWriteScope>>();
                _keyed.Add(lockKey, pending);
            }

            pending!.Enqueue(request);
        }

        if (lead)
        {
            // The runner works on a pool thread, so no caller is kept waiting for writes queued after its own.
            _ = Task.Run(() => RunKeyAsync(lockKey), CancellationToken.None);
        }

        return request.Task;
    }

    /// <summary>Runs the key's queue, group by group, until it is empty; the key's entry goes with its last write.</summary>
    private async Task RunKeyAsync(string lockKey)
    {
        while (TakeGroup(lockKey) is { } group)
        {
            try
            {
                await RunGroupAsync(lockKey, group);
            }
            catch (Exception ex)
            {
                // An after-commit action threw. The runner must go on: a key left behind with no runner would hold
                // every later write of that item in its queue forever.
                QueuedWrites.FailAll(group, ex);
            }
        }
    }

    private List<QueuedWrite<PostgresWriteScope>>? TakeGroup(string lockKey)
    {
        var group = new List<QueuedWrite<PostgresWriteScope>>();
        lock (_keyed)
        {
            var pending = _keyed[lockKey];
            while (group.Count < MaxGroup && pending.TryDequeue(out var request))
            {
                group.Add(request);
            }

            if (group.Count == 0)
            {
                _keyed.Remove(lockKey);
                return null;
            }
        }

        return group;
    }

    /// <summary>
    /// One transaction, one lock, a savepoint per write. A write that throws is rolled back to its savepoint and failed
    /// alone; if the transaction itself is lost (the connection, the commit), every write not already failed fails with
    /// that error. Throws only what an after-commit action throws.
    /// </summary>
    private async Task RunGroupAsync(string lockKey, List<QueuedWrite<PostgresWriteScope>> group)
    {
        var members = new List<QueuedWrite<PostgresWriteScope>>(group.Count);
        var next = 0;
        try
        {
            await using var connection = await _dataSource.OpenConnectionAsync(CancellationToken.None);
            await using var transaction = await connection.BeginTransactionAsync(CancellationToken.None);
            // One round trip before the first write (Npgsql sends BEGIN with it), one between writes: the savepoint is
            // set once, rolled back to (it stays set) after a write that failed, released and set again after one that
            // did not; the commit keeps whatever the last write did under it.
            await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock(hashtextextended(@key, 0)); SAVEPOINT {Savepoint}", lockKey);
            var savepointHoldsWork = false;
            for (; next < group.Count; next++)
            {
                var request = group[next];
                if (request.CancellationToken.IsCancellationRequested)
                {
                    request.Fail(new OperationCanceledException(request.CancellationToken));
                    continue;
                }

                if (savepointHoldsWork)
                {
                    await ExecuteAsync(connection, transaction, $"RELEASE SAVEPOINT {Savepoint}; SAVEPOINT {Savepoint}");
                }

                // The caller's token is looked at before its write starts, not during: PostgreSQL cancels whatever the
                // connection runs when the cancel request lands, which could be the next caller's statement.
                await using var scope = new PostgresWriteScope(connection, transaction, Clock.GetUtcNow(), Clock, CancellationToken.None, lockKey);
                try
                {
                    await request.RunAsync(scope);
                }
                catch (Exception ex) when (connection.State == System.Data.ConnectionState.Open)
                {
                    await ExecuteAsync(connection, transaction, $"ROLLBACK TO SAVEPOINT {Savepoint}");
                    savepointHoldsWork = false;
                    request.Fail(ex);
                    continue;
                }

                savepointHoldsWork = true;
                members.Add(request);
            }

            await transaction.CommitAsync(CancellationToken.None);
        }
        catch (Exception ex)
        {
            QueuedWrites.FailAll(members.Concat(group.Skip(next)), ex);
            return;
        }

        Interlocked.Increment(ref _groupedTransactions);
        Interlocked.Add(ref _groupedWrites, members.Count);
        QueuedWrites.Committed(members, _signals.Outbox.Set);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, string? key = null)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        if (key is not null)
        {
            command.Parameters.AddWithValue("key", key);
        }

        await command.ExecuteNonQueryAsync(CancellationToken.None);
    }
}
