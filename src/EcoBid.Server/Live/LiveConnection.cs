using System.Threading.Channels;

namespace EcoBid.Server.Live;

/// <summary>
/// One authenticated WebSocket: who it belongs to, until when (its TTL), which items it watches, and the queue of
/// frames waiting to be written. While it resumes, live notifications are held back and sent after the replayed ones,
/// in id order, so a reconnecting client sees every notification once and in order.
/// </summary>
public sealed class LiveConnection : IDisposable
{
    private readonly Channel<LiveFrame> _outgoing;
    private readonly Lock _gate = new();
    private readonly HashSet<string> _watched = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _closed = new();
    private List<LiveFrame>? _held;
    private long _lastNotificationId;

    public LiveConnection(string userId, DateTimeOffset expiresAt, int capacity)
    {
        Id = Guid.NewGuid().ToString("N");
        UserId = userId;
        ExpiresAt = expiresAt;
        _outgoing = Channel.CreateBounded<LiveFrame>(new BoundedChannelOptions(capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    }

    public string Id { get; }

    public string UserId { get; }

    /// <summary>When the connection ends unless its client signs in again on it: the access token's expiry.</summary>
    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>Set when frames could not be queued (the client reads too slowly): the connection is closed.</summary>
    public bool Overflowed { get; private set; }

    public CancellationToken Closed => _closed.Token;

    public ChannelReader<LiveFrame> Outgoing => _outgoing.Reader;

    public IReadOnlyCollection<string> Watched
    {
        get
        {
            lock (_gate)
            {
                return [.. _watched];
            }
        }
    }

    public bool TryWatch(string itemId, int max)
    {
        lock (_gate)
        {
            return _watched.Contains(itemId) || (_watched.Count < max && _watched.Add(itemId));
        }
    }

    public bool Unwatch(string itemId)
    {
        lock (_gate)
        {
            return _watched.Remove(itemId);
        }
    }

    public void Send(LiveFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        lock (_gate)
        {
            if (frame.NotificationId is { } id)
            {
                if (_held is not null)
                {
                    _held.Add(frame);
                    return;
                }

                if (id <= _lastNotificationId)
                {
                    return;
                }

                _lastNotificationId = id;
            }

            Write(frame);
        }
    }

    /// <summary>From now until <see cref="EndResume"/>, live notifications wait.</summary>
    public void BeginResume()
    {
        lock (_gate)
        {
            _held ??= [];
        }
    }

    /// <summary>Sends the replayed notifications, then the held ones that were not among them, in id order.</summary>
    public void EndResume(IReadOnlyList<LiveFrame> replayed, LiveFrame summary)
    {
        ArgumentNullException.ThrowIfNull(replayed);
        lock (_gate)
        {
            var held = _held ?? [];
            _held = null;
            foreach (var frame in replayed)
            {
                Write(frame);
                _lastNotificationId = Math.Max(_lastNotificationId, frame.NotificationId ?? 0);
            }

            Write(summary);
            foreach (var frame in held.OrderBy(f => f.NotificationId))
            {
                if (frame.NotificationId > _lastNotificationId)
                {
                    _lastNotificationId = frame.NotificationId.Value;
                    Write(frame);
                }
            }
        }
    }

    public void Close()
    {
        // Closed first, so a frame written between the two steps is seen as late, not as an overflow.
        try
        {
            _closed.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }

        _outgoing.Writer.TryComplete();
    }

    public void Dispose() => _closed.Dispose();

    private void Write(LiveFrame frame)
    {
        // A frame that finds the connection already closing is dropped, not an overflow: only a full queue means the
        // client reads too slowly.
        if (!_outgoing.Writer.TryWrite(frame) && !Overflowed && !_closed.IsCancellationRequested)
        {
            Overflowed = true;
            Close();
        }
    }
}
