using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text.Json;
using EcoBid.Events.Storage;
using EcoBid.Server.Live;
using EcoBid.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace EcoBid.Server.Tests.Live;

/// <summary>
/// The heartbeat near a connection's expiry, on a clock whose timers fire at once: each wait ends a sliver before the
/// expiry, as a real timer firing a little early does. The connection must end as expired (4001) without pinging after
/// every sliver, which used to fill its queue and close it as too slow (1008).
/// </summary>
public sealed class HeartbeatNearExpiryTests : IDisposable
{
    private readonly EcoBidApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_connection_about_to_expire_waits_out_its_expiry_without_a_flood_of_pings()
    {
        var clock = new CreepingClock(new DateTimeOffset(2030, 1, 1, 12, 0, 0, TimeSpan.Zero));
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, ((IPEndPoint)listener.LocalEndpoint).Port);
        using var server = await listener.AcceptTcpClientAsync();
        using var serverSocket = WebSocket.CreateFromStream(server.GetStream(), new WebSocketCreationOptions { IsServer = true });
        using var clientSocket = WebSocket.CreateFromStream(client.GetStream(), new WebSocketCreationOptions { IsServer = false });
        using var connection = new LiveConnection("someone", clock.GetUtcNow() + TimeSpan.FromMilliseconds(5), capacity: 64);
        var session = new LiveSession(
            serverSocket, connection, _app.Services.GetRequiredService<LiveConnections>(), _app.Services.GetRequiredService<LiveTokens>(),
            _app.Services.GetRequiredService<IEventDatabase>(), new LiveOptions(), clock, NullLogger.Instance);

        var running = session.RunAsync(resumeAfter: null, CancellationToken.None);
        var types = new List<string>();
        var buffer = new byte[4096];
        while (true)
        {
            var received = await clientSocket.ReceiveAsync(buffer, new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                break;
            }

            using var frame = JsonDocument.Parse(buffer.AsMemory(0, received.Count));
            types.Add(frame.RootElement.GetProperty("type").GetString()!);
        }

        await clientSocket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
        await running.WaitAsync(TimeSpan.FromSeconds(10));
        clientSocket.CloseStatus.ShouldBe(LiveSession.TokenExpired);
        types.ShouldBe(["welcome"]);
        clock.Readings.ShouldBeGreaterThan(1_000, "the clock crept to the expiry one microsecond per reading");
    }

    /// <summary>Timers fire at once (on the pool); every reading of the time is a microsecond after the last.</summary>
    private sealed class CreepingClock(DateTimeOffset start) : TimeProvider
    {
        private long _readings;

        public long Readings => Interlocked.Read(ref _readings);

        public override DateTimeOffset GetUtcNow() => start.AddTicks(Interlocked.Increment(ref _readings) * 10);

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = new ImmediateTimer();
            if (dueTime != Timeout.InfiniteTimeSpan)
            {
                ThreadPool.QueueUserWorkItem(_ =>
                {
                    if (!timer.Disposed)
                    {
                        callback(state);
                    }
                });
            }

            return timer;
        }

        private sealed class ImmediateTimer : ITimer
        {
            public bool Disposed { get; private set; }

            public bool Change(TimeSpan dueTime, TimeSpan period) => true;

            public void Dispose() => Disposed = true;

            public ValueTask DisposeAsync()
            {
                Disposed = true;
                return ValueTask.CompletedTask;
            }
        }
    }
}
