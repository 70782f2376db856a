namespace EcoBid.Jsonata.Runtime;

/// <summary>Least-recently-used map from expression text to its compiled form. One engine's; not thread-safe.</summary>
internal sealed class ExpressionCache<T>
{
    private readonly int _capacity;
    private readonly Dictionary<string, LinkedListNode<KeyValuePair<string, T>>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<KeyValuePair<string, T>> _recency = new();

    public ExpressionCache(int capacity)
    {
        _capacity = Math.Max(1, capacity);
    }

    public int Count => _entries.Count;

    public bool TryGet(string key, out T value)
    {
        if (_entries.TryGetValue(key, out var node))
        {
            _recency.Remove(node);
            _recency.AddFirst(node);
            value = node.Value.Value;
            return true;
        }

        value = default!;
        return false;
    }

    public void Add(string key, T value)
    {
        if (_entries.TryGetValue(key, out var existing))
        {
            _recency.Remove(existing);
            _entries.Remove(key);
        }

        while (_entries.Count >= _capacity && _recency.Last is { } oldest)
        {
            _recency.RemoveLast();
            _entries.Remove(oldest.Value.Key);
        }

        _entries[key] = _recency.AddFirst(new KeyValuePair<string, T>(key, value));
    }
}
