using System.Data.Common;
using EcoBid.Events.Storage;

namespace EcoBid.Events.RabbitMq.Tests;

/// <summary>
/// A store that can be switched away, as a database is while it restarts: every write then fails with an error the
/// store itself calls an outage. Reads and the rest go to the real store.
/// </summary>
public sealed class AwayDatabase(IEventDatabase inner) : IEventDatabase
{
    private int _refused;

    public bool Away { get; set; }

    /// <summary>Writes refused while away.</summary>
    public int Refused => Volatile.Read(ref _refused);

    public Task<T> WriteAsync<T>(Func<IWriteScope, Task<T>> work, CancellationToken cancellationToken = default)
    {
        if (Away)
        {
            Interlocked.Increment(ref _refused);
            return Task.FromException<T>(new TimeoutException("the database is restarting"));
        }

        return inner.WriteAsync(work, cancellationToken);
    }

    public Task<T> ReadAsync<T>(Func<DbConnection, Task<T>> work, CancellationToken cancellationToken = default) => inner.ReadAsync(work, cancellationToken);

    public bool IsUnavailable(Exception exception) => exception is TimeoutException;
}
