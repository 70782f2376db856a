namespace EcoBid.Events.Scheduling;

/// <summary>The values one cron field allows, between the field's minimum and maximum.</summary>
internal sealed class CronValueSet
{
    private readonly bool[] _members;

    public CronValueSet(int min, int max)
    {
        Min = min;
        Max = max;
        _members = new bool[max - min + 1];
    }

    public int Min { get; }

    public int Max { get; }

    public void Add(int value) => _members[value - Min] = true;

    public bool Contains(int value) => value >= Min && value <= Max && _members[value - Min];

    /// <summary>The allowed values at or above <paramref name="start"/>, in ascending order.</summary>
    public IEnumerable<int> From(int start)
    {
        for (var value = Math.Max(start, Min); value <= Max; value++)
        {
            if (_members[value - Min])
            {
                yield return value;
            }
        }
    }
}
