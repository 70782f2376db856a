using Npgsql;

namespace EcoBid.Events.Postgres;

/// <summary>
/// Relay leadership: one process at a time holds a session advisory lock on a connection of its own and relays the
/// outbox; the others find the lock taken and stay idle. PostgreSQL frees the lock the moment the holder's session
/// ends (a crash, a kill -9, a lost network), so another process takes over at its next look (within
/// <c>Runtime:IdleRecheck</c>). One relay at a time is what keeps events in commit order on their queues; row leases
/// (<c>FOR UPDATE SKIP LOCKED</c>) would let two relays dispatch neighbouring batches at once, out of order.
/// </summary>
public sealed class PostgresRelayLease : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    // Not pooled: closing the session must end it, which is what frees the lock (a pooled connection would keep it).
    private readonly NpgsqlDataSource _sessions;
    private NpgsqlConnection? _session;
    private bool _disposed;

    public PostgresRelayLease(PostgresDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _sessions = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false, MaxAutoPrepare = 0 });
    }

    /// <summary>Whether this process held the lease at its last look.</summary>
    public bool IsHeld => _session is not null;

    /// <summary>Checks that this process holds the lease, taking it if it is free; <c>false</c> when another process holds it.</summary>
    public async Task<bool> TryHoldAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_session is not null)
            {
                if (await StillOpenAsync(_session, cancellationToken))
                {
                    return true;
                }

                await DropAsync();
            }

            var session = await _sessions.OpenConnectionAsync(cancellationToken);
            try
            {
                await using var take = PostgresCommands.Create(session, "SELECT pg_try_advisory_lock(@key)", ("key", LockKey(session)));
                if (await take.ExecuteScalarAsync(cancellationToken) is true)
                {
                    _session = session;
                    return true;
                }
            }
            catch
            {
                await session.DisposeAsync();
                throw;
            }

            await session.DisposeAsync();
            return false;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Gives the lease up (at shutdown), so another process takes over at once.</summary>
    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            await DropAsync();
            await _sessions.DisposeAsync();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>One lease per database and schema, so several runtimes can share a server (tests do).</summary>
    private static long LockKey(NpgsqlConnection connection)
    {
        var name = $"ecobid.outbox:{connection.Database}:{new NpgsqlConnectionStringBuilder(connection.ConnectionString).SearchPath}";
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name));
        return BitConverter.ToInt64(hash, 0);
    }

    private static async Task<bool> StillOpenAsync(NpgsqlConnection session, CancellationToken cancellationToken)
    {
        try
        {
            await using var ping = PostgresCommands.Create(session, "SELECT 1");
            await ping.ExecuteScalarAsync(cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
        {
            return false;
        }
    }

    private async Task DropAsync()
    {
        if (_session is not null)
        {
            // Closing the session releases its advisory locks.
            await _session.DisposeAsync();
            _session = null;
        }
    }
}
