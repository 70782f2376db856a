using System.Data.Common;
using EcoBid.Events.Envelope;

namespace EcoBid.Events.Storage;

/// <summary>One open write transaction, with the outbox it publishes into.</summary>
public interface IWriteScope
{
    DbConnection Connection { get; }

    DbTransaction Transaction { get; }

    /// <summary>The clock reading taken when the transaction began (or, after <see cref="LockAsync"/> waited, when the lock was taken).</summary>
    DateTimeOffset Now { get; }

    CancellationToken CancellationToken { get; }

    /// <summary>Appends the event to the outbox in this transaction; it is dispatched once the transaction commits.</summary>
    Task PublishAsync(EventEnvelope envelope);

    /// <summary>
    /// Runs <paramref name="writes"/> in order, then appends <paramref name="events"/> to the outbox: the writes that end
    /// a unit of work, whose results the caller does not need. A store with a network round trip per statement sends
    /// them all in one (a bid's rows, its event and its stored answer: one round trip under the auction's lock instead
    /// of five); the embedded store runs each as a prepared command. The first write that fails fails the call.
    /// </summary>
    async Task WriteAllAsync(IReadOnlyList<SqlWrite> writes, IReadOnlyList<EventEnvelope> events)
    {
        ArgumentNullException.ThrowIfNull(writes);
        ArgumentNullException.ThrowIfNull(events);
        foreach (var write in writes)
        {
            await Prepared(write.Sql, write.Parameters).ExecuteNonQueryAsync(CancellationToken);
        }

        foreach (var envelope in events)
        {
            await PublishAsync(envelope);
        }
    }

    /// <summary>Runs <paramref name="action"/> after the transaction commits (never if it rolls back): wake-ups, mostly.</summary>
    void OnCommitted(Action action);

    /// <summary>
    /// A command for <paramref name="sql"/> that the store may keep prepared and hand out again for the same text, bound
    /// to this transaction with the given values: SQLite parses and plans a statement afresh for every new command, and
    /// hot handlers run the same few statements over and over. The caller must not dispose it, must dispose a reader
    /// on it before asking for the same text again, and must name the same parameters in the same order every time.
    /// </summary>
    DbCommand Prepared(string sql, params ReadOnlySpan<(string Name, object? Value)> parameters);

    /// <summary>
    /// Makes writers of one aggregate (an item, an auction, a person) take turns until this transaction ends, for work
    /// that reads, decides and then writes ("is the item still available?"). The embedded store has one writer, so
    /// there is nothing to wait for; a store with concurrent writers takes a transaction-scoped lock on the key, and
    /// every read after it sees what the previous holder committed, and moves <see cref="Now"/> on to when it got the
    /// lock, so that a writer that waited never stamps its change before the one it waited for.
    /// </summary>
    Task LockAsync(string key) => Task.CompletedTask;

    /// <summary>Sets a savepoint: what follows can be rolled back alone, keeping the rest of the transaction.</summary>
    Task SavepointAsync(string name) => Transaction.SaveAsync(name, CancellationToken);

    /// <summary>Undoes everything since the savepoint (which stays set).</summary>
    Task RollbackToSavepointAsync(string name) => Transaction.RollbackAsync(name, CancellationToken);

    /// <summary>Forgets the savepoint, keeping what was done since.</summary>
    Task ReleaseSavepointAsync(string name) => Transaction.ReleaseAsync(name, CancellationToken);
}
