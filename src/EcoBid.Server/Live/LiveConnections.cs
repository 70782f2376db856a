using System.Collections.Concurrent;
using EcoBid.Server.Notifications;

namespace EcoBid.Server.Live;

/// <summary>The live connections of this process, by user and by watched item.</summary>
public sealed class LiveConnections(NotificationMetrics metrics)
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, LiveConnection>> _byUser = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, LiveConnection>> _byItem = new(StringComparer.Ordinal);
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void Add(LiveConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _byUser.GetOrAdd(connection.UserId, static _ => new(StringComparer.Ordinal))[connection.Id] = connection;
        Interlocked.Increment(ref _count);
        metrics.ConnectionOpened();
    }

    public void Remove(LiveConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (_byUser.TryGetValue(connection.UserId, out var mine) && mine.TryRemove(connection.Id, out _))
        {
            Interlocked.Decrement(ref _count);
            metrics.ConnectionClosed();
        }

        foreach (var itemId in connection.Watched)
        {
            Unwatch(connection, itemId);
        }
    }

    public void Watch(LiveConnection connection, string itemId)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _byItem.GetOrAdd(itemId, static _ => new(StringComparer.Ordinal))[connection.Id] = connection;
    }

    public void Unwatch(LiveConnection connection, string itemId)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (_byItem.TryGetValue(itemId, out var watchers))
        {
            watchers.TryRemove(connection.Id, out _);
        }
    }

    public void SendToUser(string userId, LiveFrame frame) => SendToAll(_byUser, userId, frame, null);

    public void SendToWatchers(string itemId, LiveFrame frame, IReadOnlyDictionary<string, LiveFrame?>? perUser = null) => SendToAll(_byItem, itemId, frame, perUser);

    private void SendToAll(
        ConcurrentDictionary<string, ConcurrentDictionary<string, LiveConnection>> index, string key, LiveFrame frame, IReadOnlyDictionary<string, LiveFrame?>? perUser)
    {
        if (!index.TryGetValue(key, out var connections))
        {
            return;
        }

        foreach (var connection in connections.Values)
        {
            var send = perUser is not null && perUser.TryGetValue(connection.UserId, out var own) ? own : frame;
            if (send is not null)
            {
                connection.Send(send);
                metrics.FrameQueued();
            }
        }
    }
}
