using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Security.Claims;
using System.Text.Json;
using Dapper;
using EcoBid.Events.Storage;
using EcoBid.Server.Hosting;
using EcoBid.Server.Identity;
using EcoBid.Server.Messaging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace EcoBid.Bench;

/// <summary>
/// Action to push latency (<c>--scenario push</c>): the real server on a loopback port with 1,000 WebSocket clients
/// signed in, and messages sent at a fixed rate (<c>--rate</c>, for <c>--seconds</c>) in private conversations
/// between pairs of them. Each sample runs from the call of the send-message endpoint to the moment the recipient's
/// socket receives the saved message: the API write with MessageSent, relay, SaveMessage with MessageSaved, relay,
/// DeliverMessage, fan-out, WebSocket. Clients run in this process too, on the same two cores.
/// </summary>
internal static class PushLatencyBenchmark
{
    public const int Clients = 1_000;

    public static async Task<int> RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        using var directory = new DataDirectory(options, "push");
        await using var app = await StartServerAsync(directory.Path, cancellationToken);
        var database = app.Services.GetRequiredService<IEventDatabase>();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        Progress($"seeding {Clients:N0} people, {Clients / 2:N0} items and private conversations");
        var tokens = await SeedAsync(database, app.Services.GetRequiredService<AccessTokens>(), cancellationToken);

        Progress($"connecting {Clients:N0} WebSocket clients");
        var received = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var clients = new List<BenchClient>(Clients);
        using (var connecting = new SemaphoreSlim(50))
        {
            var connects = Enumerable.Range(0, Clients).Select(async n =>
            {
                await connecting.WaitAsync(cancellationToken);
                try
                {
                    return await BenchClient.ConnectAsync(new Uri($"{address.Replace("http", "ws", StringComparison.Ordinal)}/ws?access_token={tokens[n]}"), $"u{n}", received, cancellationToken);
                }
                finally
                {
                    connecting.Release();
                }
            });
            clients.AddRange(await Task.WhenAll(connects));
        }

        using var http = new HttpClient { BaseAddress = new Uri(address) };
        var send = options.OverHttp ? OverHttp(http, tokens) : InProcess(database);
        Progress($"warming up for {options.WarmupTime.TotalSeconds:0} s at {options.Rate:N0} messages/s{(options.OverHttp ? " over HTTP" : string.Empty)}");
        var warmup = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        await OfferAsync(send, options.Rate, options.WarmupTime, warmup, cancellationToken);
        await DrainAsync(warmup, received, cancellationToken);

        Progress($"measuring for {options.LatencyDuration.TotalSeconds:0} s at {options.Rate:N0} messages/s");
        var sent = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var cpu = ProcessCpu.Now();
        var offered = await OfferAsync(send, options.Rate, options.LatencyDuration, sent, cancellationToken);
        await DrainAsync(sent, received, cancellationToken);

        cpu = ProcessCpu.Now() - cpu;
        var latencies = sent.Where(s => received.ContainsKey(s.Key))
            .Select(s => Stopwatch.GetElapsedTime(s.Value, received[s.Key]).TotalMilliseconds).ToList();
        var connected = clients.Count(c => c.IsOpen);
        foreach (var client in clients)
        {
            await client.DisposeAsync();
        }

        // Stopped before it is disposed: disposing the store while its workers still write races them.
        await app.StopAsync(CancellationToken.None);

        var summary = LatencySummary.Of(latencies);
        var table = new Table().Border(TableBorder.Ascii).Title("Action -> push latency (ms)");
        foreach (var column in new[] { "Run", "Samples", "mean", "p50", "p95", "p99", "max" })
        {
            table.AddColumn(column == "Run" ? new TableColumn(column) : new TableColumn(column).RightAligned());
        }

        table.AddRow(
            $"{offered.Rate:N0} messages/s offered{(options.OverHttp ? " over HTTP" : string.Empty)}, {connected:N0} of {Clients:N0} clients connected", summary.Count.ToString("N0", CultureInfo.InvariantCulture),
            Ms(summary.Mean), Ms(summary.P50), Ms(summary.P95), Ms(summary.P99), Ms(summary.Max));
        AnsiConsole.Write(table);
        AnsiConsole.WriteLine($"Sent {sent.Count:N0} messages, {latencies.Count:N0} reached their recipient's socket ({sent.Count - latencies.Count:N0} not within 30 s). CPU {cpu.TotalSeconds:0.0} s over the run (server and clients).");
        AnsiConsole.WriteLine($"Target: p99 < 25 ms -> {(summary.P99 < 25 && latencies.Count == sent.Count ? "met" : "NOT met")}");
        AnsiConsole.WriteLine();
        return latencies.Count == sent.Count ? 0 : 1;
    }

    private static async Task<WebApplication> StartServerAsync(string dataDirectory, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory, EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [EcoBidPaths.DataDirKey] = dataDirectory,
            ["Role"] = "all",
            ["Logging:LogLevel:Default"] = "Warning",
            ["RateLimits:PerAddressPerSecond"] = "100000",
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(console => console.SingleLine = true);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddEcoBid(builder.Configuration);
        var app = builder.Build();
        app.UseEcoBid();
        app.MapEcoBid();
        await app.StartAsync(cancellationToken);
        return app;
    }

    /// <summary>People u0..u999; item k belongs to u(2k), and u(2k+1) has a private conversation with its owner about it.</summary>
    private static async Task<string[]> SeedAsync(IEventDatabase database, AccessTokens accessTokens, CancellationToken cancellationToken)
    {
        var users = Enumerable.Range(0, Clients).Select(n => new UserAccount
        {
            Id = $"u{n}", Email = $"u{n}@bench.local", PasswordHash = "x", DisplayName = $"Person {n}", Role = "user", NotificationPrefs = "{}",
        }).ToList();
        await database.WriteAsync(async scope =>
        {
            await scope.Connection.ExecuteAsync(
                "INSERT INTO users (id, email, password_hash, display_name, role, email_verified_at, created_at, updated_at) VALUES (@Id, @Email, 'x', @DisplayName, 'user', 0, 0, 0)",
                users, scope.Transaction);
            var pairs = Enumerable.Range(0, Clients / 2).Select(k => new { item = $"i{k}", conversation = $"c{k}", owner = $"u{2 * k}", other = $"u{(2 * k) + 1}" }).ToList();
            await scope.Connection.ExecuteAsync(
                """
                INSERT INTO items (id, seller_id, title, description, category, mode, status, lat, lon, geohash, moderation, created_at, updated_at)
                VALUES (@item, @owner, 'Bench chair', 'A chair.', 'furniture', 'free', 'available', 52.23, 21.01, 'u3qcnh5jb', 'approved', 0, 0);
                INSERT INTO conversations (id, item_id, visibility, owner_id, other_id, created_at) VALUES (@conversation, @item, 'private', @owner, @other, 0);
                """,
                pairs, scope.Transaction);
            return 0;
        }, cancellationToken);
        return [.. users.Select(accessTokens.Issue)];
    }

    /// <summary>Sends one message: conversation, sender (index), text; returns the accepted message's id.</summary>
    private delegate Task<string> SendMessage(string conversationId, int sender, string text, CancellationToken cancellationToken);

    /// <summary>The endpoint's own handler, called in process: the action without the HTTP layer.</summary>
    private static SendMessage InProcess(IEventDatabase database) => async (conversationId, sender, text, cancellationToken) =>
    {
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", $"u{sender}")], "bench"));
        var result = await MessagesApi.Post(conversationId, new PostMessageRequest(text), principal, database, cancellationToken);
        return result.Result is Accepted<MessageAccepted> accepted
            ? accepted.Value!.Id
            : throw new InvalidOperationException($"{text} was refused: {result.Result}.");
    };

    /// <summary>A real request to <c>POST /conversations/{id}/messages</c> with the sender's access token.</summary>
    private static SendMessage OverHttp(HttpClient http, string[] tokens) => async (conversationId, sender, text, cancellationToken) =>
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/conversations/{conversationId}/messages")
        {
            Content = JsonContent.Create(new { body = text }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens[sender]);
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            throw new InvalidOperationException($"{text} was refused: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }

        using var body = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(cancellationToken));
        return body.RootElement.GetProperty("id").GetString()!;
    };

    /// <summary>Open loop: message n starts at n/rate whether or not earlier ones have finished, in conversation n mod 500.</summary>
    private static async Task<(int Count, double Rate)> OfferAsync(
        SendMessage send, int rate, TimeSpan duration, ConcurrentDictionary<string, long>? sent, CancellationToken cancellationToken)
    {
        var count = (int)Math.Round(rate * duration.TotalSeconds);
        using var inFlight = new SemaphoreSlim(256);
        var tasks = new List<Task>(count);
        var started = Stopwatch.GetTimestamp();
        for (var n = 0; n < count; n++)
        {
            var wait = TimeSpan.FromSeconds((double)n / rate) - Stopwatch.GetElapsedTime(started);
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait, cancellationToken);
            }

            await inFlight.WaitAsync(cancellationToken);
            var k = n % (Clients / 2);
            var sender = (n / (Clients / 2)) % 2 == 0 ? (2 * k) + 1 : 2 * k;
            tasks.Add(SendAsync($"c{k}", sender, n));
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        await Task.WhenAll(tasks);
        return (count, count > 1 ? (count - 1) / elapsed.TotalSeconds : count);

        async Task SendAsync(string conversationId, int sender, int n)
        {
            try
            {
                await Task.Yield();
                var at = Stopwatch.GetTimestamp();
                var id = await send(conversationId, sender, $"Message {n}", cancellationToken);
                sent?.TryAdd(id, at);
            }
            finally
            {
                inFlight.Release();
            }
        }
    }

    /// <summary>Waits (at most 30 s) until every sent message has reached its recipient's socket.</summary>
    private static async Task DrainAsync(ConcurrentDictionary<string, long> sent, ConcurrentDictionary<string, long> received, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + (Stopwatch.Frequency * 30);
        while (sent.Keys.Any(id => !received.ContainsKey(id)) && Stopwatch.GetTimestamp() < deadline)
        {
            await Task.Delay(50, cancellationToken);
        }
    }

    private static string Ms(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static void Progress(string what) => Console.Error.WriteLine($"[bench] {DateTime.UtcNow:HH:mm:ss} {what}...");

    /// <summary>One person's socket: answers pings, and stamps the arrival of each message someone else sent them.</summary>
    private sealed class BenchClient : IAsyncDisposable
    {
        private readonly ClientWebSocket _socket;
        private readonly string _userId;
        private readonly ConcurrentDictionary<string, long> _received;
        private readonly SemaphoreSlim _sending = new(1, 1);
        private readonly Task _reading;

        private BenchClient(ClientWebSocket socket, string userId, ConcurrentDictionary<string, long> received)
        {
            _socket = socket;
            _userId = userId;
            _received = received;
            _reading = Task.Run(ReadAsync);
        }

        public bool IsOpen => _socket.State == WebSocketState.Open;

        public static async Task<BenchClient> ConnectAsync(Uri uri, string userId, ConcurrentDictionary<string, long> received, CancellationToken cancellationToken)
        {
            var socket = new ClientWebSocket();
            await socket.ConnectAsync(uri, cancellationToken);
            return new BenchClient(socket, userId, received);
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
            }

            _socket.Abort();
            await _reading;
            _socket.Dispose();
            _sending.Dispose();
        }

        private async Task ReadAsync()
        {
            var buffer = new byte[64 * 1024];
            try
            {
                while (_socket.State == WebSocketState.Open)
                {
                    var length = 0;
                    ValueWebSocketReceiveResult result;
                    do
                    {
                        result = await _socket.ReceiveAsync(buffer.AsMemory(length), CancellationToken.None);
                        length += result.Count;
                    }
                    while (!result.EndOfMessage);

                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        return;
                    }

                    var at = Stopwatch.GetTimestamp();
                    using var frame = JsonDocument.Parse(buffer.AsMemory(0, length));
                    var type = frame.RootElement.GetProperty("type").GetString();
                    if (type == "ping")
                    {
                        await PongAsync();
                    }
                    else if (type == "message" && frame.RootElement.GetProperty("message") is var message
                        && message.GetProperty("senderId").GetString() != _userId && message.GetProperty("status").GetString() == "saved")
                    {
                        _received.TryAdd(message.GetProperty("id").GetString()!, at);
                    }
                }
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
            {
            }
        }

        private async Task PongAsync()
        {
            await _sending.WaitAsync();
            try
            {
                await _socket.SendAsync("{\"type\":\"pong\"}"u8.ToArray(), WebSocketMessageType.Text, true, CancellationToken.None);
            }
            finally
            {
                _sending.Release();
            }
        }
    }
}
