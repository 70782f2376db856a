using System.Data.Common;

namespace EcoBid.Events.Storage;

/// <summary>
/// The store that holds state, the outbox, queues and timers. A write runs in one transaction: whatever the work
/// changes and every event it publishes commit together, or not at all.
/// </summary>
public interface IEventDatabase
{
    Task<T> WriteAsync<T>(Func<IWriteScope, Task<T>> work, CancellationToken cancellationToken = default);

    /// <summary>
    /// A write that holds one aggregate's lock (<see cref="IWriteScope.LockAsync"/> on <paramref name="lockKey"/>, taken
    /// before the work runs) and takes no other. A store with concurrent writers may run several such writes of the same
    /// key one after another in one transaction, under one lock, a savepoint each (group commit for a hot aggregate): a
    /// work that throws rolls back alone, and each caller returns only after the shared commit. The work may call
    /// <c>LockAsync(lockKey)</c> again (it costs nothing) but no other key.
    /// </summary>
    Task<T> WriteAsync<T>(string lockKey, Func<IWriteScope, Task<T>> work, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(lockKey);
        ArgumentNullException.ThrowIfNull(work);
        return WriteAsync(async scope =>
        {
            await scope.LockAsync(lockKey);
            return await work(scope);
        }, cancellationToken);
    }

    Task<T> ReadAsync<T>(Func<DbConnection, Task<T>> work, CancellationToken cancellationToken = default);

    /// <summary>
    /// Whether <paramref name="exception"/>, thrown by a write, means the store could not be reached or was going away
    /// (a lost connection, a server shutting down or restarting), not that the work itself was refused. A consumer that
    /// meets it keeps its batch and tries again later instead of handing the messages back, so an outage does not
    /// count against their receive limit and send them to the dead-letter queue. An embedded store is never away.
    /// </summary>
    bool IsUnavailable(Exception exception) => false;
}
