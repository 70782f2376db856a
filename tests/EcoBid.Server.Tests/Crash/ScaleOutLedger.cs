using System.Collections.Concurrent;

namespace EcoBid.Server.Tests.Crash;

/// <summary>
/// What the load's clients were told. Only acknowledged requests (a 2xx answer) must survive a fault; a request that
/// got no answer, or a 5xx while a process or service was down, may or may not have happened.
/// </summary>
public sealed class ScaleOutLedger
{
    private int _attempts;
    private int _failures;

    /// <summary>Title → id of every item whose POST answered 201.</summary>
    public ConcurrentDictionary<string, string> Items { get; } = new(StringComparer.Ordinal);

    /// <summary>Item id → ids of the reservations that answered 201 for it (the race allows one).</summary>
    public ConcurrentDictionary<string, ConcurrentBag<string>> Reservations { get; } = new(StringComparer.Ordinal);

    /// <summary>Bid id → the current price its 201 named.</summary>
    public ConcurrentDictionary<string, long> Bids { get; } = new(StringComparer.Ordinal);

    /// <summary>Email → user id of every registration that answered 201.</summary>
    public ConcurrentDictionary<string, string> SignUps { get; } = new(StringComparer.Ordinal);

    /// <summary>Answers no fault explains (a 4xx other than the races' 409): each one is a failure of its own.</summary>
    public ConcurrentQueue<string> Unexpected { get; } = new();

    public int Attempts => Volatile.Read(ref _attempts);

    /// <summary>Requests cut off or answered 5xx: their outcome is unknown.</summary>
    public int Failures => Volatile.Read(ref _failures);

    public void CountAttempt() => Interlocked.Increment(ref _attempts);

    public void CountFailure() => Interlocked.Increment(ref _failures);

    public string Summary() =>
        $"{Attempts} requests: {Items.Count} items, {Reservations.Values.Sum(r => r.Count)} reservations, {Bids.Count} bids, " +
        $"{SignUps.Count} sign-ups acknowledged; {Failures} cut off or 5xx; {Unexpected.Count} unexpected";

    /// <summary>Waits until <paramref name="more"/> further items have been acknowledged; the load goes on meanwhile.</summary>
    public async Task WaitForItemsAsync(int more, TimeSpan timeout, string when)
    {
        var target = Items.Count + more;
        var deadline = DateTime.UtcNow + timeout;
        while (Items.Count < target)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{when}: only {Items.Count} of {target} items were acknowledged within {timeout.TotalSeconds:0} s ({Summary()}).");
            }

            await Task.Delay(50);
        }
    }
}
