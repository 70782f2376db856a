using System.Net.Http.Json;
using Dapper;
using EcoBid.Server.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace EcoBid.Server.Tests.Crash;

/// <summary>Timers that fall due while the server is down fire right after it restarts, each exactly once.</summary>
[Trait("Category", "Crash")]
public sealed class TimersAcrossKillTests
{
    private const int Items = 25;

    [Fact]
    public async Task Listing_expiry_timers_due_during_an_outage_fire_once_after_restart()
    {
        // Long enough that no listing expires while the 25 items are still being posted on a busy machine (the
        // timers must all exist, none fired, when the process is killed).
        await using var server = ServerProcess.Create(new Dictionary<string, string> { ["Items__ListingDuration"] = "00:00:15" });
        await server.StartAsync();
        await server.SignUpAdminAsync();
        using (var client = server.CreateClient())
        {
            for (var i = 0; i < Items; i++)
            {
                (await client.PostAsJsonAsync("/items", Requests.Item(title: $"Expiring lamp {i}"))).EnsureSuccessStatusCode();
            }

            // Every item's expiry timer exists before the kill (ProcessNewItem creates it).
            await PollAsync(server, "SELECT COUNT(*) FROM timers WHERE key LIKE 'listing-expiry:%'", Items);
        }

        var lastDue = DateTimeOffset.FromUnixTimeMilliseconds(await CountAsync(server, "SELECT MAX(due_at) FROM timers WHERE key LIKE 'listing-expiry:%'"));
        server.Kill().ShouldBe(ServerProcess.SigKillExitCode);
        await WaitForAsync(() => DateTimeOffset.UtcNow > lastDue.AddMilliseconds(500));
        (await CountAsync(server, "SELECT COUNT(*) FROM timers WHERE key LIKE 'listing-expiry:%' AND due_at <= @now", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds())).ShouldBe(Items);

        await server.StartAsync();
        await PollAsync(server, "SELECT COUNT(*) FROM items WHERE status = 'expired'", Items);
        await PollAsync(server, "SELECT COUNT(*) FROM outbox", 0);
        await server.StopAsync();

        (await CountAsync(server, "SELECT COUNT(*) FROM timers WHERE key LIKE 'listing-expiry:%'")).ShouldBe(0);
        (await CountAsync(server, "SELECT COUNT(*) FROM event_archive WHERE detail_type = 'ListingExpiryDue'")).ShouldBe(Items);
        (await CountAsync(server, "SELECT COUNT(*) FROM event_archive WHERE detail_type = 'ItemUpdated'")).ShouldBe(Items);
        (await CountAsync(server, "SELECT COUNT(DISTINCT json_extract(envelope, '$.detail.itemId')) FROM event_archive WHERE detail_type = 'ItemUpdated'")).ShouldBe(Items);
    }

    private static async Task<long> CountAsync(ServerProcess server, string sql, long now = 0)
    {
        await using var connection = new SqliteConnection($"Data Source={server.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await connection.ExecuteAsync("PRAGMA busy_timeout = 5000");
        return await connection.ExecuteScalarAsync<long>(sql, new { now });
    }

    private static async Task PollAsync(ServerProcess server, string sql, long expected)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        long last;
        while ((last = await CountAsync(server, sql)) != expected)
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"'{sql}' stayed at {last}, expected {expected}.\n{server.LogTail()}");
            }

            await Task.Delay(50);
        }
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        while (!condition())
        {
            await Task.Delay(50);
        }
    }
}
