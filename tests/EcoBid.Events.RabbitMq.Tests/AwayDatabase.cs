using System.Data.Common;
using EcoBid.Events.Storage;

namespace EcoBid.Events.RabbitMq.Tests;

/// <summary>
/// A store that can be switched away, as a database is while it restarts: every write then fails with an error the
/// store itself calls an outage, before its work starts (<see cref="Away"/>) or after it ran, as when the batch's own
/// statement ends the session (<see cref="LostDuringWork"/>). Reads and the rest go to the real store.
/// </summary>
public sealed class AwayDatabase(IEventDatabase inner) : IEventDatabase
{
    private int _refused;

    public bool Away { get; set; }

    public bool LostDuringWork { get; set; }

    /// <summary>Writes refused while away.</summary>
    public int Refused => Volatile.Read(ref _refused);

    public Task<T> WriteAsync<T>(Func<IWriteScope, Task<T>> work, CancellationToken cancellationToken = default)
    {
        if (Away)
        {
            Interlocked.Increment(ref _refused);
            return Task.FromException<T>(new TimeoutException("the database is restarting"));
        }

        if (LostDuringWork)
        {
            return inner.WriteAsync<T>(async scope =>
            {
                await work(scope);
                Interlocked.Increment(ref _refused);
                throw new TimeoutException("the connection broke during the batch's statement");
            }, cancellationToken);
        }

        return inner.WriteAsync(work, cancellationToken);
    }

    public Task<T> ReadAsync<T>(Func<DbConnection, Task<T>> work, CancellationToken cancellationToken = default) => inner.ReadAsync(work, cancellationToken);

    public bool IsUnavailable(Exception exception) => exception is TimeoutException;
}
