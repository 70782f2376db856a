using System.Collections;
using System.Diagnostics;

namespace EcoBid.Server.Tests.Observability;

/// <summary>
/// The in-memory exporter's collection, safe to read while spans are being exported. Every host in this test process
/// shares the activity sources, so it sees other tests' spans too: look spans up by trace or correlation id.
/// </summary>
public sealed class SpanCollection : ICollection<Activity>
{
    private readonly List<Activity> _spans = [];
    private readonly Lock _gate = new();

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _spans.Count;
            }
        }
    }

    public bool IsReadOnly => false;

    public void Add(Activity item)
    {
        lock (_gate)
        {
            _spans.Add(item);
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _spans.Clear();
        }
    }

    public bool Contains(Activity item)
    {
        lock (_gate)
        {
            return _spans.Contains(item);
        }
    }

    public void CopyTo(Activity[] array, int arrayIndex)
    {
        lock (_gate)
        {
            _spans.CopyTo(array, arrayIndex);
        }
    }

    public bool Remove(Activity item)
    {
        lock (_gate)
        {
            return _spans.Remove(item);
        }
    }

    public IEnumerator<Activity> GetEnumerator() => Snapshot().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public List<Activity> Snapshot()
    {
        lock (_gate)
        {
            return [.. _spans];
        }
    }

    /// <summary>Waits (bounded) for a span that matches, and returns it.</summary>
    public async Task<Activity> WaitForAsync(Func<Activity, bool> match, string what)
    {
        Activity? found = null;
        await Infrastructure.Eventually.TrueAsync(() => Task.FromResult((found = Snapshot().FirstOrDefault(match)) is not null), what: what);
        return found!;
    }
}
