using System.Net.WebSockets;
using Dapper;
using EcoBid.Events.Storage;
using EcoBid.Server.Items;
using EcoBid.Server.Notifications;

namespace EcoBid.Server.Live;

/// <summary>
/// Runs one accepted, authenticated WebSocket: a send loop draining the connection's queue (the only writer to the
/// socket), a receive loop for the client's messages, and a heartbeat that pings, closes connections that stopped
/// answering, and ends the connection when its token expires (its TTL).
/// </summary>
public sealed partial class LiveSession(
    WebSocket socket,
    LiveConnection connection,
    LiveConnections connections,
    LiveTokens tokens,
    IEventDatabase database,
    LiveOptions options,
    TimeProvider clock,
    ILogger logger)
{
    /// <summary>Close code for a connection whose access token expired: sign in again and resume.</summary>
    public const WebSocketCloseStatus TokenExpired = (WebSocketCloseStatus)4001;

    private static readonly TimeSpan MinimumWait = TimeSpan.FromMilliseconds(5);

    private long _lastHeardTicks = clock.GetUtcNow().UtcTicks;
    private WebSocketCloseStatus _closeStatus = WebSocketCloseStatus.NormalClosure;
    private string _closeReason = "bye";

    public async Task RunAsync(long? resumeAfter, CancellationToken requestAborted)
    {
        // The receive loop is never cancelled while the socket is open: cancelling a pending receive aborts a
        // WebSocket, and the client would see a dropped connection instead of the close code that tells it why.
        using var stopHeartbeat = CancellationTokenSource.CreateLinkedTokenSource(requestAborted, connection.Closed);
        connections.Add(connection);
        try
        {
            connection.Send(LiveFrames.Welcome(connection.Id, connection.UserId, connection.ExpiresAt, options.HeartbeatInterval));
            if (resumeAfter is { } after)
            {
                await ResumeAsync(after, requestAborted);
            }

            var sending = SendLoopAsync();
            var receiving = ReceiveLoopAsync(requestAborted);
            var heartbeat = HeartbeatLoopAsync(stopHeartbeat.Token);
            await Task.WhenAny(sending, receiving, heartbeat);
            if (connection.Overflowed)
            {
                Close(WebSocketCloseStatus.PolicyViolation, "too far behind: reconnect and resume");
            }

            connection.Close();
            await stopHeartbeat.CancelAsync();
            await Quietly(sending);
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await Quietly(socket.CloseOutputAsync(_closeStatus, _closeReason, timeout.Token));
            }

            await Quietly(receiving.WaitAsync(TimeSpan.FromSeconds(2), CancellationToken.None));
            await Quietly(heartbeat);
        }
        finally
        {
            connections.Remove(connection);
            connection.Close();
            if (socket.State != WebSocketState.Closed)
            {
                socket.Abort();
            }
        }
    }

    private async Task SendLoopAsync()
    {
        await foreach (var frame in connection.Outgoing.ReadAllAsync())
        {
            if (socket.State != WebSocketState.Open)
            {
                return;
            }

            await socket.SendAsync(frame.Json, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        }
    }

    private async Task ReceiveLoopAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[options.MaxMessageBytes];
        while (!cancellationToken.IsCancellationRequested)
        {
            var length = 0;
            ValueWebSocketReceiveResult received;
            do
            {
                if (length == buffer.Length)
                {
                    Close(WebSocketCloseStatus.MessageTooBig, $"messages are at most {buffer.Length} bytes");
                    return;
                }

                received = await socket.ReceiveAsync(buffer.AsMemory(length), cancellationToken);
                length += received.Count;
            }
            while (!received.EndOfMessage && received.MessageType != WebSocketMessageType.Close);

            if (received.MessageType == WebSocketMessageType.Close)
            {
                return;
            }

            Interlocked.Exchange(ref _lastHeardTicks, clock.GetUtcNow().UtcTicks);
            await HandleAsync(ClientMessage.Parse(buffer.AsSpan(0, length)), cancellationToken);
        }
    }

    private async Task HandleAsync(ClientMessage? message, CancellationToken cancellationToken)
    {
        switch (message?.Type)
        {
            case ClientMessage.Ping:
                connection.Send(LiveFrames.Pong);
                break;
            case ClientMessage.Pong:
                break;
            case ClientMessage.Auth:
                await RenewAsync(message.Token);
                if (message.ResumeAfter is { } resumeAfter)
                {
                    await ResumeAsync(resumeAfter, cancellationToken);
                }

                break;
            case ClientMessage.Resume when message.ResumeAfter is { } after:
                await ResumeAsync(after, cancellationToken);
                break;
            case ClientMessage.Watch when message.ItemId is { Length: > 0 and <= 64 } itemId:
                await WatchAsync(itemId, cancellationToken);
                break;
            case ClientMessage.Unwatch when message.ItemId is { } itemId:
                connection.Unwatch(itemId);
                connections.Unwatch(connection, itemId);
                connection.Send(LiveFrames.Watching(itemId, watching: false));
                break;
            default:
                connection.Send(LiveFrames.Error("Unknown message: send a JSON object with type auth, resume (resumeAfter), watch or unwatch (itemId), ping or pong."));
                break;
        }
    }

    /// <summary>A fresh token for the same user extends the connection's life; another user's is refused.</summary>
    private async Task RenewAsync(string? token)
    {
        var identity = await tokens.ValidateAsync(token);
        if (identity is null || identity.UserId != connection.UserId)
        {
            connection.Send(LiveFrames.Error("The token was refused; the connection keeps its current expiry."));
            return;
        }

        connection.ExpiresAt = identity.ExpiresAt;
        connection.Send(LiveFrames.Welcome(connection.Id, connection.UserId, connection.ExpiresAt, options.HeartbeatInterval));
    }

    private async Task ResumeAsync(long after, CancellationToken cancellationToken)
    {
        connection.BeginResume();
        var missed = await database.ReadAsync(db => db.QueryAsync<NotificationRecord>(
            $"SELECT {NotificationRecord.Columns} FROM notifications WHERE user_id = @userId AND push = 1 AND id > @after ORDER BY id LIMIT @limit",
            new { userId = connection.UserId, after, limit = options.ReplayLimit + 1 }), cancellationToken);
        var rows = missed.AsList();
        var replayed = rows.Take(options.ReplayLimit).Select(LiveFrames.Notification).ToList();
        connection.EndResume(replayed, LiveFrames.Resumed(after, replayed.Count, complete: rows.Count <= options.ReplayLimit));
    }

    private async Task WatchAsync(string itemId, CancellationToken cancellationToken)
    {
        var item = await database.ReadAsync(db => ItemStore.FindAsync(db, itemId), cancellationToken);
        if (item is null)
        {
            connection.Send(LiveFrames.Error($"No item '{itemId}' to watch."));
            return;
        }

        if (!connection.TryWatch(itemId, options.MaxWatchedItems))
        {
            connection.Send(LiveFrames.Error($"A connection watches at most {options.MaxWatchedItems} items."));
            return;
        }

        connections.Watch(connection, itemId);
        connection.Send(LiveFrames.Watching(itemId, watching: true));
    }

    private async Task HeartbeatLoopAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var now = clock.GetUtcNow();
            var untilExpiry = connection.ExpiresAt - now;
            if (untilExpiry <= TimeSpan.Zero)
            {
                Close(TokenExpired, "the access token expired: sign in again and resume");
                return;
            }

            if (now.UtcTicks - Interlocked.Read(ref _lastHeardTicks) > options.HeartbeatTimeout.Ticks)
            {
                Close(WebSocketCloseStatus.PolicyViolation, "no heartbeat: answer pings with pongs");
                LogSilent(logger, connection.Id, connection.UserId);
                return;
            }

            // Near the expiry the wait is for the expiry alone, with no ping after it: a timer that fires a little early
            // leaves a sliver of time, and pinging after each such short wait would flood the queue with pings (the
            // client's full queue then closes the connection as too slow, 1008, instead of expired, 4001).
            if (untilExpiry < options.HeartbeatInterval)
            {
                await Task.Delay(untilExpiry < MinimumWait ? MinimumWait : untilExpiry, clock, cancellationToken);
                continue;
            }

            await Task.Delay(options.HeartbeatInterval, clock, cancellationToken);
            connection.Send(LiveFrames.Ping);
        }
    }

    private void Close(WebSocketCloseStatus status, string reason)
    {
        _closeStatus = status;
        _closeReason = reason;
    }

    private static async Task Quietly(Task task)
    {
        try
        {
            await task;
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException or IOException or TimeoutException)
        {
            // The client went away or the connection is closing: nothing left to tell it.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Live connection {ConnectionId} of {UserId} stopped answering pings; closed")]
    private static partial void LogSilent(ILogger logger, string connectionId, string userId);
}
