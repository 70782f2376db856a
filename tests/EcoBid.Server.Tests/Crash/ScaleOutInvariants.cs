using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Dapper;
using EcoBid.Domain.Auctions;
using EcoBid.Events.Contracts;
using Npgsql;

namespace EcoBid.Server.Tests.Crash;

/// <summary>
/// Reads the shared PostgreSQL schema and the vhost's queues after a fault and a quiet period: first until the
/// pipeline has drained (bounded), then once for every invariant, returned as a list of breaches.
/// </summary>
public sealed class ScaleOutInvariants(ScaleOutCluster cluster, ScaleOutLedger ledger, string hotAuctionItemId)
{
    /// <summary>The targets of every rule an ItemCreated matches in rules/rules.json: its own rule, and CountEverything.</summary>
    public static readonly string[] ItemCreatedTargets = ["ProcessNewItem", "Index", "Moderate", "NotifyNearbyUsers", "UpdateStats"];

    private static readonly HttpClient Management = new() { Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>
    /// Polls until the outbox is empty, no durable queue of the vhost holds a message, every archived ItemCreated has
    /// an inbox row for each target and every acknowledged sign-up got its verification email (or has it held by the
    /// lease of a sender that died). Returns what still lagged when the time ran out (null when drained); tells
    /// <paramref name="log"/> what lags every few seconds.
    /// </summary>
    public async Task<string?> WaitUntilDrainedAsync(TimeSpan timeout, Action<string> log)
    {
        var stopwatch = Stopwatch.StartNew();
        var lastLogged = TimeSpan.Zero;
        string? lagging = "not polled";
        var drainedInARow = 0;
        while (stopwatch.Elapsed < timeout)
        {
            lagging = await LaggingAsync();
            if (lagging is not null && stopwatch.Elapsed - lastLogged > TimeSpan.FromSeconds(5))
            {
                lastLogged = stopwatch.Elapsed;
                log($"  draining, {stopwatch.Elapsed.TotalSeconds:0} s: {lagging}");
            }

            // The management API's counts are sampled every few seconds: trust "empty" once it has been seen twice.
            drainedInARow = lagging is null ? drainedInARow + 1 : 0;
            if (drainedInARow == 2)
            {
                return null;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }

        return lagging;
    }

    public async Task<List<string>> FindBreachesAsync()
    {
        var breaches = new List<string>();
        await using var connection = await cluster.OpenAsync();
        Report(breaches, ledger.Unexpected, "requests were answered with a 4xx no fault explains");
        await CheckItemsAsync(connection, breaches);
        await CheckReservationsAsync(connection, breaches);
        await CheckHotAuctionAsync(connection, breaches);
        await CheckSignUpsAsync(connection, breaches);

        var outbox = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM outbox");
        if (outbox != 0)
        {
            breaches.Add($"{outbox} events are left in the outbox");
        }

        var tableMessages = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM queue_messages");
        if (tableMessages != 0)
        {
            breaches.Add($"{tableMessages} messages sit in queue_messages, which Queues=rabbitmq should not use");
        }

        Report(breaches, (await QueuesAsync()).Where(q => q.Messages > 0).Select(q => $"{q.Name}: {q.Messages}"), "queues of the vhost are not empty (dead letters included)");
        return breaches;
    }

    private async Task CheckItemsAsync(NpgsqlConnection connection, List<string> breaches)
    {
        var items = (await connection.QueryAsync<(string Id, string Title)>(
            "SELECT id, title FROM items WHERE title LIKE @prefix", new { prefix = ScaleOutLoad.ItemTitlePrefix + "%" })).ToList();
        var byTitle = items.GroupBy(i => i.Title, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(i => i.Id).ToList(), StringComparer.Ordinal);
        Report(breaches, ledger.Items.Where(a => !byTitle.ContainsKey(a.Key)).Select(a => $"{a.Key} ({a.Value})"), "acknowledged items are missing");
        Report(breaches, ledger.Items.Where(a => byTitle.TryGetValue(a.Key, out var ids) && !ids.Contains(a.Value)).Select(a => $"{a.Key} ({a.Value})"), "acknowledged items are stored under another id");
        Report(breaches, byTitle.Where(t => t.Value.Count > 1).Select(t => $"{t.Key} ×{t.Value.Count}"), "items are stored more than once");

        var archived = (await connection.QueryAsync<(string EventId, string? ItemId)>(
            "SELECT event_id, envelope::jsonb -> 'detail' ->> 'itemId' FROM event_archive WHERE detail_type = 'ItemCreated'")).ToList();
        var eventsPerItem = archived.GroupBy(e => e.ItemId ?? "(none)", StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        Report(breaches, items.Where(i => eventsPerItem.GetValueOrDefault(i.Id) != 1).Select(i => $"{i.Id} ×{eventsPerItem.GetValueOrDefault(i.Id)}"), "stored items do not have exactly one archived ItemCreated");

        // UpdateStats counted each ItemCreated once, however often it was delivered: the effect, not only the inbox mark.
        var counted = await connection.ExecuteScalarAsync<long?>("SELECT value FROM stats_totals WHERE name = 'events.ItemCreated'") ?? 0;
        if (counted != archived.Count)
        {
            breaches.Add($"the events.ItemCreated counter is {counted} for {archived.Count} archived ItemCreated events");
        }

        var inbox = (await connection.QueryAsync<(string Consumer, string MessageKey)>(
            "SELECT consumer, message_key FROM inbox WHERE consumer = ANY(@targets)", new { targets = ItemCreatedTargets })).ToHashSet();
        foreach (var target in ItemCreatedTargets)
        {
            Report(breaches, archived.Where(e => !inbox.Contains((target, e.EventId))).Select(e => $"{e.EventId} (item {e.ItemId})"), $"archived ItemCreated events were never handled by {target} (no inbox row)");
        }
    }

    private async Task CheckReservationsAsync(NpgsqlConnection connection, List<string> breaches)
    {
        var holding = await connection.QueryAsync<(string ItemId, long Count)>(
            "SELECT item_id, count(*) FROM reservations WHERE status IN ('active', 'confirmed') GROUP BY item_id HAVING count(*) > 1");
        Report(breaches, holding.Select(h => $"{h.ItemId} ×{h.Count}"), "items have more than one active or confirmed reservation");

        var stored = (await connection.QueryAsync<(string Id, string ItemId)>("SELECT id, item_id FROM reservations"))
            .ToDictionary(r => r.Id, r => r.ItemId, StringComparer.Ordinal);
        var acknowledged = ledger.Reservations.SelectMany(r => r.Value.Select(id => (ItemId: r.Key, Id: id))).ToList();
        Report(breaches, acknowledged.Where(r => stored.GetValueOrDefault(r.Id) != r.ItemId).Select(r => $"{r.Id} on {r.ItemId}"), "acknowledged reservations are missing (or on another item)");
        Report(breaches, ledger.Reservations.Where(r => r.Value.Count > 1).Select(r => $"{r.Key} ×{r.Value.Count}"), "items were reserved (201) for more than one racer");
    }

    /// <summary>
    /// The hot auction's bids, in order of acceptance (seq): numbered 1..n, every acknowledged one stored with the price
    /// it was told, and each one accepted by a sequential replay through <see cref="AuctionBook"/>, a newcomer's bid
    /// strictly raising the price and a leader's raising their own maximum (as AuctionRaceTests checks on SQLite).
    /// </summary>
    private async Task CheckHotAuctionAsync(NpgsqlConnection connection, List<string> breaches)
    {
        var auction = await connection.QuerySingleAsync<(string Id, string SellerId, long StartsAt, long? CurrentPrice, string? LeaderId, long BidCount, long BidderCount)>(
            "SELECT id, seller_id, starts_at, current_price, leader_id, bid_count, bidder_count FROM auctions WHERE item_id = @hotAuctionItemId", new { hotAuctionItemId });
        var bids = (await connection.QueryAsync<(string Id, long Seq, string BidderId, long MaxAmount, long PlacedAt, long PriceAfter, string LeaderAfter)>(
            "SELECT id, seq, bidder_id, max_amount, placed_at, price_after, leader_after FROM bids WHERE auction_id = @Id ORDER BY seq", new { auction.Id })).ToList();
        var byId = bids.ToDictionary(b => b.Id, StringComparer.Ordinal);

        if (!bids.Select(b => b.Seq).SequenceEqual(Enumerable.Range(1, bids.Count).Select(n => (long)n)))
        {
            breaches.Add($"the hot auction's bids are not numbered 1..{bids.Count}");
        }

        if (auction.BidCount != bids.Count)
        {
            breaches.Add($"the hot auction counts {auction.BidCount} bids but {bids.Count} are stored");
        }

        // Each bidder counted once, with an alias of their own numbered from 1 (the count is kept by the bid's own writes).
        var bidders = bids.Select(b => b.BidderId).Distinct(StringComparer.Ordinal).Count();
        var aliases = (await connection.QueryAsync<long>("SELECT alias FROM auction_bidders WHERE auction_id = @Id ORDER BY alias", new { auction.Id })).ToList();
        if (auction.BidderCount != bidders || !aliases.SequenceEqual(Enumerable.Range(1, bidders).Select(n => (long)n)))
        {
            breaches.Add($"the hot auction has {bidders} bidders; it counts {auction.BidderCount} with aliases {string.Join(",", aliases)}");
        }

        Report(breaches, ledger.Bids.Where(b => !byId.ContainsKey(b.Key)).Select(b => b.Key), "acknowledged bids are missing");
        Report(breaches, ledger.Bids.Where(b => byId.TryGetValue(b.Key, out var stored) && stored.PriceAfter != b.Value).Select(b => $"{b.Key}: told {b.Value}, stored {byId[b.Key].PriceAfter}"), "acknowledged bids are stored with another price");

        var terms = new AuctionTerms(
            ScaleOutLoad.HotAuctionStartPrice, null, null, "PLN", ScaleOutLoad.HotAuctionDuration, IncrementTable.Default,
            new SoftCloseRule(ScaleOutLoad.SoftCloseWindow, ScaleOutLoad.SoftCloseCap));
        var state = AuctionBook.Open(terms, auction.SellerId, DateTimeOffset.FromUnixTimeMilliseconds(auction.StartsAt));
        long? previousPrice = null;
        foreach (var bid in bids)
        {
            var outcome = AuctionBook.Apply(state, new BidAttempt(bid.BidderId, bid.MaxAmount, DateTimeOffset.FromUnixTimeMilliseconds(bid.PlacedAt)));
            var leaderRaise = bid.BidderId == state.LeaderId;
            if (outcome.Refusal is { } refusal)
            {
                breaches.Add($"bid {bid.Seq} was accepted, but a sequential replay refuses it: {refusal.Message}");
                return;
            }

            if (!leaderRaise && !(bid.PriceAfter > (previousPrice ?? 0)))
            {
                breaches.Add($"bid {bid.Seq} by a newcomer did not raise the price ({previousPrice} → {bid.PriceAfter})");
            }

            if (leaderRaise && bid.PriceAfter < previousPrice)
            {
                breaches.Add($"bid {bid.Seq}, a leader's raise, lowered the price ({previousPrice} → {bid.PriceAfter})");
            }

            state = outcome.After;
            if (state.Price != bid.PriceAfter || state.LeaderId != bid.LeaderAfter)
            {
                breaches.Add($"after bid {bid.Seq} the replay has price {state.Price} led by {state.LeaderId}; stored {bid.PriceAfter} led by {bid.LeaderAfter}");
                return;
            }

            previousPrice = bid.PriceAfter;
        }

        if (state.Price != auction.CurrentPrice || state.LeaderId != auction.LeaderId)
        {
            breaches.Add($"the hot auction stores price {auction.CurrentPrice} led by {auction.LeaderId}; the replay of its bids ends at {state.Price} led by {state.LeaderId}");
        }

        var placed = await connection.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM event_archive WHERE detail_type = 'BidPlaced' AND envelope::jsonb -> 'detail' ->> 'auctionId' = @Id", new { auction.Id });
        if (placed != bids.Count)
        {
            breaches.Add($"{placed} BidPlaced events are archived for the hot auction's {bids.Count} bids");
        }
    }

    private async Task CheckSignUpsAsync(NpgsqlConnection connection, List<string> breaches)
    {
        var emails = ledger.SignUps.Keys.ToArray();
        var users = (await connection.QueryAsync<(string Email, string Id)>("SELECT email, id FROM users WHERE email = ANY(@emails)", new { emails })).ToList();
        var byEmail = users.GroupBy(u => u.Email, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Select(u => u.Id).ToList(), StringComparer.OrdinalIgnoreCase);
        Report(breaches, ledger.SignUps.Where(s => !byEmail.TryGetValue(s.Key, out var ids) || !ids.Contains(s.Value)).Select(s => s.Key), "acknowledged sign-ups are missing");
        Report(breaches, byEmail.Where(e => e.Value.Count > 1).Select(e => $"{e.Key} ×{e.Value.Count}"), "people are stored more than once");
        var held = await HeldVerificationEmailsAsync(connection);
        Report(breaches, MissingVerificationEmails(held), "acknowledged sign-ups never got their verification email, nor is one queued");
        Held = held.Count(ledger.SignUps.ContainsKey);
    }

    /// <summary>
    /// Sign-ups whose verification email a sender claimed and died with: it stays queued until the claim's lease
    /// (Mail:SendTimeout × 16 + 1 min) ends, then goes out, so it is late but not lost.
    /// </summary>
    public int Held { get; private set; }

    /// <summary>What has not caught up yet, or null once everything the checks need has drained.</summary>
    private async Task<string?> LaggingAsync()
    {
        try
        {
            await using var connection = await cluster.OpenAsync();
            var outbox = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM outbox");
            var unhandled = await connection.ExecuteScalarAsync<long>(
                """
                SELECT count(*) FROM event_archive e CROSS JOIN unnest(@targets) AS t(consumer)
                WHERE e.detail_type = 'ItemCreated'
                  AND NOT EXISTS (SELECT 1 FROM inbox i WHERE i.consumer = t.consumer AND i.message_key = e.event_id)
                """,
                new { targets = ItemCreatedTargets });
            var queued = (await QueuesAsync()).Where(q => q.Messages > 0).ToList();
            var unmailed = MissingVerificationEmails(await HeldVerificationEmailsAsync(connection)).Count();
            return outbox == 0 && unhandled == 0 && queued.Count == 0 && unmailed == 0
                ? null
                : $"outbox {outbox}, ItemCreated deliveries without an inbox row {unhandled}, sign-ups without an email {unmailed}, queues [{string.Join(", ", queued.Select(q => $"{q.Name} {q.Messages}"))}]";
        }
        catch (Exception ex) when (ex is NpgsqlException or HttpRequestException or TaskCanceledException)
        {
            return $"not readable yet: {ex.Message}";
        }
    }

    /// <summary>Recipients of account emails queued under a sender's lease (due later than now).</summary>
    private static async Task<HashSet<string>> HeldVerificationEmailsAsync(NpgsqlConnection connection) =>
        (await connection.QueryAsync<string>(
            "SELECT recipient FROM account_email_outbox WHERE due_at > @now",
            new { now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() })).ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Acknowledged sign-ups with no verification email in the pickup folder and none held by a lease.</summary>
    private IEnumerable<string> MissingVerificationEmails(HashSet<string> held)
    {
        var mailed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (Directory.Exists(cluster.MailFolder))
        {
            foreach (var file in Directory.EnumerateFiles(cluster.MailFolder, "*.eml"))
            {
                foreach (var line in File.ReadLines(file).TakeWhile(l => l.Length > 0))
                {
                    if (line.StartsWith("To: ", StringComparison.Ordinal))
                    {
                        mailed.Add(line[4..].Trim());
                    }
                }
            }
        }

        return ledger.SignUps.Keys.Where(email => !mailed.Contains(email) && !held.Contains(email));
    }

    /// <summary>The vhost's durable queues (the targets, their DLQs, the delay levels) and their message counts, from the management API.</summary>
    private async Task<List<(string Name, long Messages)>> QueuesAsync()
    {
        var vhost = Uri.EscapeDataString(new Uri(cluster.Vhost).AbsolutePath.TrimStart('/'));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(RabbitMqTestServer.Management, $"api/queues/{vhost}?columns=name,durable,messages"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.UnescapeDataString(RabbitMqTestServer.Server.UserInfo))));
        using var response = await Management.SendAsync(request);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. json.RootElement.EnumerateArray()
            .Where(q => q.GetProperty("durable").GetBoolean())
            .Select(q => (q.GetProperty("name").GetString()!, q.TryGetProperty("messages", out var m) && m.ValueKind == JsonValueKind.Number ? m.GetInt64() : 0))];
    }

    private static void Report(List<string> breaches, IEnumerable<string> offenders, string what)
    {
        var all = offenders.ToList();
        if (all.Count > 0)
        {
            breaches.Add($"{all.Count} {what}: {string.Join("; ", all.Take(10))}{(all.Count > 10 ? "; …" : string.Empty)}");
        }
    }
}
