using System.Net;
using System.Net.WebSockets;
using System.Text;
using EcoBid.Server.Proxy;
using EcoBid.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace EcoBid.Server.Tests.ScaleOut;

/// <summary>
/// <c>ecobid proxy</c> in front of two stand-in api processes (real Kestrel servers on loopback): requests reach
/// both, one that stops being ready is left out, and a WebSocket goes through both ways.
/// </summary>
public sealed class FrontProxyTests : IAsyncLifetime
{
    private readonly StandIn _first = new("first");
    private readonly StandIn _second = new("second");
    private WebApplication _proxy = null!;
    private string _url = null!;

    public async Task InitializeAsync()
    {
        await _first.StartAsync();
        await _second.StartAsync();
        _url = $"http://127.0.0.1:{FreePort.Next()}";
        _proxy = FrontProxy.Build(_url, [new Uri(_first.Url), new Uri(_second.Url)], TimeSpan.FromSeconds(1));
        await _proxy.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _proxy.DisposeAsync();
        await _first.DisposeAsync();
        await _second.DisposeAsync();
    }

    [Fact]
    public async Task Requests_reach_every_ready_api_process_and_one_that_is_not_ready_is_left_out_until_it_is_again()
    {
        using var client = new HttpClient { BaseAddress = new Uri(_url) };
        await Eventually.TrueAsync(async () => (await AnswersAsync(client, 40)).Count == 2, what: "both api processes answer through the proxy");

        _second.Ready = false;
        await Eventually.TrueAsync(async () => (await AnswersAsync(client, 20)).SetEquals(["first"]), what: "the unready process is left out");
        (await AnswersAsync(client, 40)).ShouldBe(["first"], ignoreOrder: true);

        _second.Ready = true;
        await Eventually.TrueAsync(async () => (await AnswersAsync(client, 40)).Count == 2, what: "the process is back once ready");
    }

    [Fact]
    public async Task A_WebSocket_goes_through_the_proxy_both_ways()
    {
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(_url.Replace("http", "ws", StringComparison.Ordinal) + "/echo"), CancellationToken.None);
        await socket.SendAsync(Encoding.UTF8.GetBytes("hello"), WebSocketMessageType.Text, true, CancellationToken.None);
        var buffer = new byte[64];
        var received = await socket.ReceiveAsync(buffer, CancellationToken.None);
        Encoding.UTF8.GetString(buffer, 0, received.Count).ShouldStartWith("hello from ");
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
    }

    private static async Task<HashSet<string>> AnswersAsync(HttpClient client, int requests)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < requests; i++)
        {
            var response = await client.GetAsync("/who");
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            names.Add(await response.Content.ReadAsStringAsync());
        }

        return names;
    }

    /// <summary>A stand-in api process: names itself, answers readiness as told, echoes over a WebSocket.</summary>
    private sealed class StandIn(string name) : IAsyncDisposable
    {
        private WebApplication? _app;

        public string Url { get; } = $"http://127.0.0.1:{FreePort.Next()}";

        public bool Ready { get; set; } = true;

        public async Task StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls(Url);
            _app = builder.Build();
            _app.UseWebSockets();
            _app.MapGet("/who", () => name);
            _app.MapGet("/health/ready", () => Ready ? Results.Ok() : Results.StatusCode(503));
            _app.Map("/echo", async (HttpContext context) =>
            {
                using var socket = await context.WebSockets.AcceptWebSocketAsync();
                var buffer = new byte[64];
                var received = await socket.ReceiveAsync(buffer, context.RequestAborted);
                var reply = Encoding.UTF8.GetBytes($"{Encoding.UTF8.GetString(buffer, 0, received.Count)} from {name}");
                await socket.SendAsync(reply, WebSocketMessageType.Text, true, context.RequestAborted);
                if ((await socket.ReceiveAsync(buffer, context.RequestAborted)).MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, context.RequestAborted);
                }
            });
            await _app.StartAsync();
        }

        public async ValueTask DisposeAsync()
        {
            if (_app is not null)
            {
                await _app.DisposeAsync();
            }
        }
    }
}
