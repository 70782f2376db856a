using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace EcoBid.Server.Tests.Infrastructure;

/// <summary>
/// A real WebSocket client of <c>/ws</c>, as a person's browser tab would hold one: it answers the server's pings
/// and keeps every frame it receives, so a test can wait for the one it expects.
/// </summary>
public sealed class LiveClient : IAsyncDisposable
{
    private readonly WebSocket _socket;
    private readonly Channel<JsonElement> _frames = Channel.CreateUnbounded<JsonElement>();
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly Task _reading;

    private LiveClient(WebSocket socket, bool answerPings)
    {
        _socket = socket;
        AnswerPings = answerPings;
        _reading = Task.Run(ReadAsync);
    }

    public bool AnswerPings { get; }

    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    public WebSocketState State => _socket.State;

    /// <summary>Connects with the token in the query string and waits for the welcome.</summary>
    public static async Task<LiveClient> ConnectAsync(EcoBidApp app, string? accessToken, long? resumeAfter = null, bool answerPings = true, bool waitForWelcome = true)
    {
        ArgumentNullException.ThrowIfNull(app);
        var query = new List<string>();
        if (accessToken is not null)
        {
            query.Add("access_token=" + Uri.EscapeDataString(accessToken));
        }

        if (resumeAfter is not null)
        {
            query.Add($"resumeAfter={resumeAfter}");
        }

        var uri = new Uri(app.Server.BaseAddress, "/ws" + (query.Count > 0 ? "?" + string.Join('&', query) : string.Empty));
        uri = new UriBuilder(uri) { Scheme = "ws" }.Uri;
        var socket = await app.Server.CreateWebSocketClient().ConnectAsync(uri, CancellationToken.None);
        var client = new LiveClient(socket, answerPings);
        if (waitForWelcome && accessToken is not null)
        {
            await client.NextAsync("welcome");
        }

        return client;
    }

    public async Task SendAsync(object message)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(message);
        await _sending.WaitAsync();
        try
        {
            await _socket.SendAsync(bytes, WebSocketMessageType.Text, true, CancellationToken.None);
        }
        finally
        {
            _sending.Release();
        }
    }

    /// <summary>The next frame of the type (and matching the predicate), skipping others; throws on timeout or close.</summary>
    public async Task<JsonElement> NextAsync(string type, Func<JsonElement, bool>? predicate = null, double seconds = 15)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        try
        {
            while (true)
            {
                var frame = await _frames.Reader.ReadAsync(timeout.Token);
                if (frame.GetProperty("type").GetString() == type && (predicate is null || predicate(frame)))
                {
                    return frame;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No '{type}' frame arrived within {seconds} s.");
        }
        catch (ChannelClosedException)
        {
            throw new InvalidOperationException($"The connection closed ({CloseStatus}) before a '{type}' frame arrived.");
        }
    }

    /// <summary>The next notification frame's notification.</summary>
    public async Task<JsonElement> NextNotificationAsync(string? kind = null, double seconds = 15) =>
        (await NextAsync("notification", f => kind is null || f.GetProperty("notification").GetProperty("kind").GetString() == kind, seconds)).GetProperty("notification");

    /// <summary>Frames already received and not yet taken by <see cref="NextAsync"/>.</summary>
    public List<JsonElement> Drain()
    {
        var list = new List<JsonElement>();
        while (_frames.Reader.TryRead(out var frame))
        {
            list.Add(frame);
        }

        return list;
    }

    /// <summary>Waits until the server has closed the connection.</summary>
    public async Task WaitClosedAsync(double seconds = 15)
    {
        await _reading.WaitAsync(TimeSpan.FromSeconds(seconds));
    }

    /// <summary>Drops the connection the way a lost network does: no close handshake.</summary>
    public void Drop() => _socket.Abort();

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException)
            {
            }
        }

        _socket.Abort();
        try
        {
            await _reading.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception ex) when (ex is TimeoutException or WebSocketException or OperationCanceledException)
        {
        }

        _socket.Dispose();
        _sending.Dispose();
    }

    private async Task ReadAsync()
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (_socket.State is WebSocketState.Open or WebSocketState.CloseSent)
            {
                var length = 0;
                WebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(new ArraySegment<byte>(buffer, length, buffer.Length - length), CancellationToken.None);
                    length += result.Count;
                }
                while (!result.EndOfMessage);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                var frame = JsonDocument.Parse(Encoding.UTF8.GetString(buffer, 0, length)).RootElement.Clone();
                if (AnswerPings && frame.GetProperty("type").GetString() == "ping")
                {
                    await SendAsync(new { type = "pong" });
                    continue;
                }

                await _frames.Writer.WriteAsync(frame);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException)
        {
        }
        finally
        {
            _frames.Writer.TryComplete();
        }
    }
}
