namespace EcoBid.Server.Alarms;

/// <summary>
/// A count over the last <c>window</c>, kept in a ring of buckets (a twentieth of the window each), so adding is
/// constant time and the sum forgets old counts a bucket at a time as the window slides.
/// </summary>
public sealed class SlidingWindowCounter
{
    private const int Buckets = 20;

    private readonly TimeProvider _clock;
    private readonly long _bucketTicks;
    private readonly long[] _slots = new long[Buckets];
    private readonly long[] _counts = new long[Buckets];
    private readonly Lock _gate = new();

    public SlidingWindowCounter(TimeSpan window, TimeProvider clock)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        _clock = clock;
        _bucketTicks = Math.Max(1, window.Ticks / Buckets);
        Array.Fill(_slots, long.MinValue);
    }

    public void Add(long count = 1)
    {
        var slot = _clock.GetUtcNow().UtcTicks / _bucketTicks;
        var index = (int)(slot % Buckets);
        lock (_gate)
        {
            if (_slots[index] != slot)
            {
                _slots[index] = slot;
                _counts[index] = 0;
            }

            _counts[index] += count;
        }
    }

    public long Sum()
    {
        var slot = _clock.GetUtcNow().UtcTicks / _bucketTicks;
        long sum = 0;
        lock (_gate)
        {
            for (var i = 0; i < Buckets; i++)
            {
                if (_slots[i] > slot - Buckets)
                {
                    sum += _counts[i];
                }
            }
        }

        return sum;
    }
}
