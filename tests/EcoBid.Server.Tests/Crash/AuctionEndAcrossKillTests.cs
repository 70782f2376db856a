using Dapper;
using EcoBid.Server.Tests.Auctions;
using EcoBid.Server.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace EcoBid.Server.Tests.Crash;

/// <summary>An auction whose end passes while the server is down closes right after restart, once, to the right winner.</summary>
[Trait("Category", "Crash")]
public sealed class AuctionEndAcrossKillTests
{
    [Fact]
    public async Task An_auction_that_ends_during_an_outage_closes_once_after_restart()
    {
        await using var server = ServerProcess.Create(new Dictionary<string, string> { ["Auctions__MinDuration"] = "00:00:01" });
        await server.StartAsync();
        var mail = Path.Combine(server.DataDirectory, "mail");
        using var anonymous = server.CreateClient();
        var seller = await AccountFlow.SignUpAsync(anonymous, mail);
        var ann = await AccountFlow.SignUpAsync(anonymous, mail);
        var bob = await AccountFlow.SignUpAsync(anonymous, mail);
        using var sellerClient = server.CreateClient().Authorize(seller.AccessToken);
        using var annClient = server.CreateClient().Authorize(ann.AccessToken);
        using var bobClient = server.CreateClient().Authorize(bob.AccessToken);
        var itemId = await sellerClient.AuctionItemAsync(AuctionSteps.Terms(durationSeconds: 3, softClose: new { windowSeconds = 0 }));
        await annClient.BidOkAsync(itemId, 30_00);
        var last = await bobClient.BidOkAsync(itemId, 20_00);
        var endsAt = last.GetProperty("endsAt").GetDateTimeOffset();

        server.Kill().ShouldBe(ServerProcess.SigKillExitCode);
        while (DateTimeOffset.UtcNow < endsAt.AddSeconds(1))
        {
            await Task.Delay(100);
        }

        await server.StartAsync();
        var deadline = DateTimeOffset.UtcNow.AddSeconds(20);
        while ((await annClient.AuctionOfAsync(itemId)).GetProperty("status").GetString() != "ended")
        {
            DateTimeOffset.UtcNow.ShouldBeLessThan(deadline, server.LogTail());
            await Task.Delay(50);
        }

        (await annClient.AuctionOfAsync(itemId)).GetProperty("result").GetProperty("youWon").GetBoolean().ShouldBeTrue();
        await server.StopAsync();
        await using var connection = new SqliteConnection($"Data Source={server.DatabasePath};Pooling=False");
        (await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM (SELECT envelope FROM outbox UNION ALL SELECT envelope FROM event_archive) AS events WHERE json_extract(envelope, '$.detail-type') = 'AuctionEnded'")).ShouldBe(1);
        (await connection.ExecuteScalarAsync<string>("SELECT buyer_id FROM reservations WHERE item_id = @itemId", new { itemId })).ShouldBe(ann.Id);
        (await connection.ExecuteScalarAsync<long>("SELECT winning_bid FROM auctions")).ShouldBe(20_50);
    }
}
