using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text.Json;
using EcoBid.Events.Storage;
using EcoBid.Server.Live;
using EcoBid.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

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

    /// <summary>
    /// A fake clock whose reading creeps a microsecond per read (<see cref="FakeTimeProvider.AutoAdvanceAmount"/>) and
    /// whose timers fire at once, on the pool, whatever their due time: the one thing <see cref="FakeTimeProvider"/>
    /// cannot do by itself, since its timers fire exactly when the fake time reaches them, never early.
    /// </summary>
    private sealed class CreepingClock : FakeTimeProvider
    {
        public CreepingClock(DateTimeOffset start)
            : base(start) => AutoAdvanceAmount = TimeSpan.FromMicroseconds(1);

        /// <summary>How often the time was read so far (each read moved it a microsecond).</summary>
        public long Readings => (long)((base.GetUtcNow() - Start) / AutoAdvanceAmount);

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(_ => { }, null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            if (dueTime != Timeout.InfiniteTimeSpan)
            {
                ThreadPool.QueueUserWorkItem(_ => callback(state));
            }

            return timer;
        }
    }
}
