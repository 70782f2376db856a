using System.Net;
using System.Net.Http.Json;
using Dapper;
using EcoBid.Server.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace EcoBid.Server.Tests.Crash;

/// <summary>Invariant 3 against the real executable: of 100 people reserving one free item at once, exactly one gets it.</summary>
[Trait("Category", "Crash")]
public sealed class ReservationRaceTests
{
    private const int Buyers = 100;

    [Fact]
    public async Task Exactly_one_of_100_concurrent_reservations_wins_and_the_rest_get_409()
    {
        await using var server = ServerProcess.Create(new Dictionary<string, string> { ["Auth__PasswordIterations"] = "1000" });
        await server.StartAsync();
        var mail = Path.Combine(server.DataDirectory, "mail");
        using var anonymous = server.CreateClient(TimeSpan.FromSeconds(60));
        var seller = await AccountFlow.SignUpAsync(anonymous, mail, displayName: "Giver");
        using var sellerClient = server.CreateClient().Authorize(seller.AccessToken);
        var itemId = await sellerClient.CreateItemAsync();

        var buyers = new List<HttpClient>();
        foreach (var batch in Enumerable.Range(0, Buyers).Chunk(10))
        {
            var signed = await Task.WhenAll(batch.Select(i => AccountFlow.SignUpAsync(anonymous, mail, displayName: $"Buyer {i}")));
            buyers.AddRange(signed.Select(user => server.CreateClient(TimeSpan.FromSeconds(60)).Authorize(user.AccessToken)));
        }

        using var start = new SemaphoreSlim(0);
        var attempts = buyers.Select(async client =>
        {
            await start.WaitAsync();
            using var response = await client.PostAsync($"items/{itemId}/reserve", null);
            return response.StatusCode;
        }).ToList();
        start.Release(Buyers);
        var outcomes = await Task.WhenAll(attempts);

        outcomes.Count(s => s == HttpStatusCode.Created).ShouldBe(1);
        outcomes.Count(s => s == HttpStatusCode.Conflict).ShouldBe(Buyers - 1);
        await server.StopAsync();

        await using var connection = new SqliteConnection($"Data Source={server.DatabasePath};Pooling=False");
        (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM reservations WHERE item_id = @itemId", new { itemId })).ShouldBe(1);
        (await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM (SELECT envelope FROM outbox UNION ALL SELECT envelope FROM event_archive) AS events WHERE json_extract(envelope, '$.detail-type') = 'ReservationCreated'")).ShouldBe(1);
        foreach (var client in buyers)
        {
            client.Dispose();
        }
    }
}
