using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using EcoBid.Server.Tests.Auctions;
using EcoBid.Server.Tests.Infrastructure;

namespace EcoBid.Server.Tests.Crash;

/// <summary>
/// A steady mixed load spread at random over the cluster's api processes: givers post free items and three takers
/// race to reserve each one, bidders bid on one hot auction as fast as they can, and new people register. Each
/// request goes to a randomly chosen api process, so a dead one fails its share and the rest carry on; the ledger
/// records only what was acknowledged.
/// </summary>
public sealed class ScaleOutLoad : IDisposable
{
    public const string ItemTitlePrefix = "Load item ";
    public const long HotAuctionStartPrice = 1_00;
    public static readonly TimeSpan HotAuctionDuration = TimeSpan.FromHours(1);
    public static readonly TimeSpan SoftCloseWindow = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan SoftCloseCap = TimeSpan.FromMinutes(10);

    private const int Posters = 2;
    private const int Takers = 6;
    private const int RacersPerItem = 3;
    private const int Bidders = 3;

    // After a request is cut off or answered 5xx: a dead process refuses at once, so without a pause a loop would spin.
    private static readonly TimeSpan PauseAfterFailure = TimeSpan.FromMilliseconds(200);

    private readonly List<HttpClient> _apis;
    private readonly ScaleOutLedger _ledger;
    private readonly string _giver;
    private readonly IReadOnlyList<string> _takers;
    private readonly IReadOnlyList<TestUser> _bidders;

    private ScaleOutLoad(List<HttpClient> apis, ScaleOutLedger ledger, string giver, IReadOnlyList<string> takers, IReadOnlyList<TestUser> bidders, string hotAuctionItemId)
    {
        _apis = apis;
        _ledger = ledger;
        _giver = giver;
        _takers = takers;
        _bidders = bidders;
        HotAuctionItemId = hotAuctionItemId;
    }

    public string HotAuctionItemId { get; }

    /// <summary>Signs up the giver, the takers and the bidders (through every api process) and opens the hot auction.</summary>
    public static async Task<ScaleOutLoad> PrepareAsync(ScaleOutCluster cluster, ScaleOutLedger ledger)
    {
        var apis = cluster.Apis.Select(a => new HttpClient { BaseAddress = a.BaseAddress, Timeout = TimeSpan.FromSeconds(15) }).ToList();
        var people = await Task.WhenAll(Enumerable.Range(0, 1 + Takers + Bidders)
            .Select(i => AccountFlow.SignUpAsync(apis[i % apis.Count], cluster.MailFolder, displayName: $"Person {i}")));
        var giver = people[0];
        using var giverClient = new HttpClient { BaseAddress = apis[0].BaseAddress, Timeout = TimeSpan.FromSeconds(15) }.Authorize(giver.AccessToken);
        var hot = await giverClient.AuctionItemAsync(
            AuctionSteps.Terms(
                startPrice: HotAuctionStartPrice,
                durationSeconds: (long)HotAuctionDuration.TotalSeconds,
                softClose: new { windowSeconds = (long)SoftCloseWindow.TotalSeconds, maxExtensionSeconds = (long)SoftCloseCap.TotalSeconds }),
            title: "Hot auction");
        return new ScaleOutLoad(apis, ledger, giver.AccessToken, [.. people.Skip(1).Take(Takers).Select(p => p.AccessToken)], [.. people.Skip(1 + Takers)], hot);
    }

    /// <summary>Runs every loop until <paramref name="stop"/> is cancelled.</summary>
    public Task RunAsync(CancellationToken stop)
    {
        var loops = new List<Task>();
        loops.AddRange(Enumerable.Range(1, Posters).Select(p => Task.Run(() => PostAndRaceLoopAsync(p, new Random(p), stop), CancellationToken.None)));
        loops.AddRange(_bidders.Select((b, i) => Task.Run(() => BidLoopAsync(b.AccessToken, new Random(100 + i), stop), CancellationToken.None)));
        loops.Add(Task.Run(() => SignUpLoopAsync(new Random(200), stop), CancellationToken.None));
        return Task.WhenAll(loops);
    }

    public void Dispose()
    {
        foreach (var api in _apis)
        {
            api.Dispose();
        }
    }

    private async Task PostAndRaceLoopAsync(int poster, Random random, CancellationToken stop)
    {
        for (var n = 1; !stop.IsCancellationRequested; n++)
        {
            var title = $"{ItemTitlePrefix}{poster}.{n}";
            var body = Requests.Item(title: title, description: $"Posted by loop {poster}; sturdy and clean.", lat: 52.0 + (n % 100 / 1000.0), lon: 21.0 + (poster / 100.0));
            var (status, json) = await SendAsync(random, _giver, HttpMethod.Post, "/items", body, stop);
            if (status != HttpStatusCode.Created)
            {
                continue;
            }

            var itemId = json.GetProperty("id").GetString()!;
            _ledger.Items[title] = itemId;
            var racers = _takers.OrderBy(_ => random.Next()).Take(RacersPerItem).ToList();
            var answers = await Task.WhenAll(racers.Select(taker => SendAsync(new Random(random.Next()), taker, HttpMethod.Post, $"/items/{itemId}/reserve", null, stop, HttpStatusCode.Conflict)));
            foreach (var (_, reservation) in answers.Where(a => a.Status == HttpStatusCode.Created))
            {
                _ledger.Reservations.GetOrAdd(itemId, _ => []).Add(reservation.GetProperty("id").GetString()!);
            }
        }
    }

    /// <summary>Bids the least acceptable amount the last answer named, now and then a little more (as AuctionRaceTests).</summary>
    private async Task BidLoopAsync(string token, Random random, CancellationToken stop)
    {
        var minimum = HotAuctionStartPrice;
        while (!stop.IsCancellationRequested)
        {
            var max = minimum + (random.Next(4) == 0 ? random.Next(1, 40) * 5 : 0);
            var (status, json) = await SendAsync(random, token, HttpMethod.Post, $"/items/{HotAuctionItemId}/bids", new { maxAmount = max }, stop, HttpStatusCode.Conflict, idempotencyKey: Guid.NewGuid().ToString());
            if (status == HttpStatusCode.Created)
            {
                _ledger.Bids[json.GetProperty("bidId").GetString()!] = json.GetProperty("currentPrice").GetInt64();
                minimum = json.GetProperty("minimumNextBid").GetInt64();
            }
            else if (status == HttpStatusCode.Conflict && json.ValueKind == JsonValueKind.Object && json.TryGetProperty("minimumAmount", out var least))
            {
                minimum = least.GetInt64();
            }
        }
    }

    private async Task SignUpLoopAsync(Random random, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var email = $"load-{Guid.NewGuid():N}@example.com";
            var (status, json) = await SendAsync(random, null, HttpMethod.Post, "/auth/register", new { email, password = AccountFlow.Password, displayName = "Newcomer" }, stop);
            if (status == HttpStatusCode.Created)
            {
                _ledger.SignUps[email] = json.GetProperty("id").GetString()!;
            }
        }
    }

    /// <summary>
    /// Sends one request to a random api process. Returns its status and body; a request cut off (or stopped) comes
    /// back as status 0. Cut-offs and 5xx count as failures; any other answer outside 2xx and <paramref name="refusals"/>
    /// is unexpected.
    /// </summary>
    private async Task<(HttpStatusCode Status, JsonElement Json)> SendAsync(
        Random random, string? token, HttpMethod method, string path, object? body, CancellationToken stop, HttpStatusCode? refusals = null, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        _ledger.CountAttempt();
        try
        {
            using var response = await _apis[random.Next(_apis.Count)].SendAsync(request, stop);
            var text = await response.Content.ReadAsStringAsync(stop);
            var json = ParseQuietly(text);
            if (response.IsSuccessStatusCode || response.StatusCode == refusals)
            {
                return (response.StatusCode, json);
            }

            if ((int)response.StatusCode >= 500)
            {
                _ledger.CountFailure();
                await PauseAsync(stop);
            }
            else
            {
                _ledger.Unexpected.Enqueue($"{method} {path}: {(int)response.StatusCode} {text}");
            }

            return (response.StatusCode, json);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            if (!stop.IsCancellationRequested)
            {
                _ledger.CountFailure();
                await PauseAsync(stop);
            }

            return (0, default);
        }
    }

    /// <summary>The body as JSON, or nothing when it is not (a proxy's or a dying process's answer).</summary>
    private static JsonElement ParseQuietly(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return default;
        }
    }

    private static async Task PauseAsync(CancellationToken stop)
    {
        try
        {
            await Task.Delay(PauseAfterFailure, stop);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
