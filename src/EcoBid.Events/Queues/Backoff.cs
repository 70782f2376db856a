namespace EcoBid.Events.Queues;

/// <summary>
/// Exponential backoff with full jitter (the AWS Architecture Blog's "full jitter"): the delay before the next
/// attempt is uniform in [0, min(cap, base * 2^(receives - 1))], which spreads retries of a failing dependency.
/// </summary>
public static class Backoff
{
    public static TimeSpan FullJitter(int receiveCount, TimeSpan baseDelay, TimeSpan cap, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return TimeSpan.FromTicks((long)(random.NextDouble() * Ceiling(receiveCount, baseDelay, cap).Ticks));
    }

    public static TimeSpan Ceiling(int receiveCount, TimeSpan baseDelay, TimeSpan cap)
    {
        // Compared before subtracting: int.MinValue - 1 would wrap round to the largest exponent.
        var exponent = receiveCount <= 1 ? 0 : Math.Min(receiveCount - 1, 30);
        var ceiling = baseDelay.Ticks * Math.Pow(2, exponent);
        return ceiling >= cap.Ticks ? cap : TimeSpan.FromTicks((long)ceiling);
    }
}
