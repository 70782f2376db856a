namespace EcoBid.Jsonata.Runtime;

/// <summary>
/// A bounded set of <see cref="JintJsonata"/> engines, created on demand. A caller borrows one for a whole call and
/// waits when all are busy; each call ends within the configured timeout, so waiting always ends.
/// </summary>
internal sealed class EnginePool : IDisposable
{
    private readonly EngineSettings _settings;
    private readonly Func<EngineSettings, JintJsonata> _factory;
    private readonly Stack<JintJsonata> _idle = new();
    private readonly object _gate = new();
    private int _created;
    private bool _disposed;

    public EnginePool(EngineSettings settings, Func<EngineSettings, JintJsonata>? factory = null)
    {
        _settings = settings;
        _factory = factory ?? (s => new JintJsonata(s));
    }

    /// <summary>Engines alive now, idle or busy.</summary>
    public int Created
    {
        get
        {
            lock (_gate)
            {
                return _created;
            }
        }
    }

    public T Use<T>(Func<JintJsonata, T> work)
    {
        var engine = Rent();
        try
        {
            return work(engine);
        }
        finally
        {
            Return(engine);
        }
    }

    public void Dispose()
    {
        JintJsonata[] idle;
        lock (_gate)
        {
            _disposed = true;
            idle = [.. _idle];
            _idle.Clear();
            Monitor.PulseAll(_gate);
        }

        foreach (var engine in idle)
        {
            engine.Dispose();
        }
    }

    private JintJsonata Rent()
    {
        lock (_gate)
        {
            while (true)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                if (_idle.TryPop(out var idle))
                {
                    return idle;
                }

                if (_created < _settings.MaxEngines)
                {
                    _created++;
                    break;
                }

                Monitor.Wait(_gate);
            }
        }

        try
        {
            return _factory(_settings);
        }
        catch (Exception ex)
        {
            lock (_gate)
            {
                _created--;
                Monitor.Pulse(_gate);
            }

            if (ex is JsonataException)
            {
                throw;
            }

            throw new JsonataException(JsonataErrorCodes.HostError, "Could not start a JavaScript engine: " + ex.Message, innerException: ex);
        }
    }

    private void Return(JintJsonata engine)
    {
        var keep = engine.IsHealthy;
        lock (_gate)
        {
            keep &= !_disposed;
            if (keep)
            {
                _idle.Push(engine);
            }
            else
            {
                _created--;
            }

            Monitor.Pulse(_gate);
        }

        if (!keep)
        {
            engine.Dispose();
        }
    }
}
