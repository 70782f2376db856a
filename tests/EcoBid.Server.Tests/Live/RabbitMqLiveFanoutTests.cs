using System.Text;
using EcoBid.Events.Contracts;
using EcoBid.Events.RabbitMq;
using EcoBid.Server.Hosting;
using EcoBid.Server.Live;
using EcoBid.Server.Notifications;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EcoBid.Server.Tests.Live;

/// <summary>
/// Two API nodes and a worker, each with a fan-out and a broker connection of its own, on a vhost of the test's own:
/// a push made on one node reaches the connections held by another.
/// </summary>
public sealed class RabbitMqLiveFanoutTests : IAsyncLifetime
{
    private readonly List<Node> _nodes = [];
    private string _vhost = string.Empty;

    public async Task InitializeAsync() => _vhost = await RabbitMqTestServer.CreateVhostAsync();

    public async Task DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }

        await RabbitMqTestServer.DeleteVhostAsync(_vhost);
    }

    [Fact]
    public async Task A_push_to_a_user_made_on_node_B_reaches_their_connection_on_node_A_only()
    {
        var a = await StartAsync(ServerRole.Api);
        var b = await StartAsync(ServerRole.Api);
        var onA = a.Connect("ana");
        var otherOnB = b.Connect("bo");

        b.Fanout.ToUsers(["ana"], Frame("outbid", 7));
        b.Fanout.ToUsers(["bo"], Frame("marker"));

        var received = await NextAsync(onA);
        Text(received).ShouldBe("outbid");
        received.NotificationId.ShouldBe(7);
        Text(await NextAsync(otherOnB)).ShouldBe("marker", "bo, on the sending node, gets only what was meant for bo");
    }

    [Fact]
    public async Task A_worker_push_to_an_items_watchers_gives_each_node_its_watchers_their_own_frame_or_none()
    {
        var a = await StartAsync(ServerRole.Api);
        var b = await StartAsync(ServerRole.Api);
        var worker = await StartAsync(ServerRole.Worker);
        var watcher = a.Connect("watcher", watching: "item-1");
        var bidder = b.Connect("bidder", watching: "item-1");
        var blocked = a.Connect("blocked", watching: "item-1");

        worker.Fanout.ToWatchers("item-1", Frame("price 12"), new Dictionary<string, LiveFrame?> { ["bidder"] = Frame("you lead at 12"), ["blocked"] = null });
        worker.Fanout.ToUsers(["blocked"], Frame("marker"));

        Text(await NextAsync(watcher)).ShouldBe("price 12");
        Text(await NextAsync(bidder)).ShouldBe("you lead at 12");
        Text(await NextAsync(blocked)).ShouldBe("marker", "the blocked watcher gets nothing of the item's push");
    }

    [Fact]
    public async Task A_push_reaches_a_connection_on_the_sending_node_once()
    {
        var a = await StartAsync(ServerRole.Api);
        await StartAsync(ServerRole.Api);
        var onA = a.Connect("ana");

        a.Fanout.ToUsers(["ana"], Frame("first"));
        a.Fanout.ToUsers(["ana"], Frame("second"));

        Text(await NextAsync(onA)).ShouldBe("first");
        Text(await NextAsync(onA)).ShouldBe("second", "the first push came once, not once per route");
    }

    private async Task<Node> StartAsync(ServerRole role)
    {
        var broker = new RabbitMqConnection(Options.Create(new RabbitMqOptions { ConnectionString = _vhost }));
        var connections = new LiveConnections(new NotificationMetrics());
        var fanout = new RabbitMqLiveFanout(broker, connections, new ServerRoleOptions(role), NullLogger<RabbitMqLiveFanout>.Instance);
        await fanout.StartAsync(CancellationToken.None);
        var node = new Node(broker, connections, fanout);
        _nodes.Add(node);
        return node;
    }

    private static LiveFrame Frame(string text, long? notificationId = null) => new(Encoding.UTF8.GetBytes(text), notificationId);

    private static string Text(LiveFrame frame) => Encoding.UTF8.GetString(frame.Json.Span);

    private static async Task<LiveFrame> NextAsync(LiveConnection connection)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await connection.Outgoing.ReadAsync(timeout.Token);
    }

    private sealed record Node(RabbitMqConnection Broker, LiveConnections Connections, RabbitMqLiveFanout Fanout) : IAsyncDisposable
    {
        public LiveConnection Connect(string userId, string? watching = null)
        {
            var connection = new LiveConnection(userId, DateTimeOffset.UtcNow.AddHours(1), capacity: 16);
            Connections.Add(connection);
            if (watching is not null)
            {
                connection.TryWatch(watching, max: 10).ShouldBeTrue();
                Connections.Watch(connection, watching);
            }

            return connection;
        }

        public async ValueTask DisposeAsync()
        {
            await Fanout.DisposeAsync();
            await Broker.DisposeAsync();
        }
    }
}
