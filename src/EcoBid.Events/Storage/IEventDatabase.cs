using System.Data.Common;

namespace EcoBid.Events.Storage;

/// <summary>
/// The store that holds state, the outbox, queues and timers. A write runs in one transaction: whatever the work
/// changes and every event it publishes commit together, or not at all.
/// </summary>
public interface IEventDatabase
{
    Task<T> WriteAsync<T>(Func<IWriteScope, Task<T>> work, CancellationToken cancellationToken = default);

    Task<T> ReadAsync<T>(Func<DbConnection, Task<T>> work, CancellationToken cancellationToken = default);
}
