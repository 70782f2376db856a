using System.Collections.Concurrent;

namespace EcoBid.Server.Tests.Crash;

/// <summary>
/// What the clients know about their writes. Every POST carries a unique title, so an item can be found by its title
/// even when the response (and with it the id) was cut off.
/// </summary>
public sealed class WriteLedger
{
    private int _attempts;

    /// <summary>Title → id of every item whose POST answered 201: these must survive any crash.</summary>
    public ConcurrentDictionary<string, string> Acknowledged { get; } = new(StringComparer.Ordinal);

    /// <summary>Titles whose POST got no answer (the server died or was not up): they may or may not exist.</summary>
    public ConcurrentQueue<string> Unknown { get; } = new();

    /// <summary>Answers other than 201 to a valid item: each one is a failure of its own.</summary>
    public ConcurrentQueue<string> Unexpected { get; } = new();

    public int Attempts => Volatile.Read(ref _attempts);

    public void CountAttempt() => Interlocked.Increment(ref _attempts);
}
