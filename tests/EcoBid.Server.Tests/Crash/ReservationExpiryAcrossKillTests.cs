using System.Net.Http.Json;
using Dapper;
using EcoBid.Server.Tests.Infrastructure;
using EcoBid.Server.Tests.Reservations;
using Microsoft.Data.Sqlite;

namespace EcoBid.Server.Tests.Crash;

/// <summary>A reservation whose 24 h (here 3 s) run out while the server is down expires right after restart, once.</summary>
[Trait("Category", "Crash")]
public sealed class ReservationExpiryAcrossKillTests
{
    [Fact]
    public async Task A_reservation_due_during_an_outage_expires_once_after_restart_with_one_no_show()
    {
        await using var server = ServerProcess.Create(new Dictionary<string, string> { ["Reservations__Window"] = "00:00:03" });
        await server.StartAsync();
        var mail = Path.Combine(server.DataDirectory, "mail");
        using var anonymous = server.CreateClient();
        var seller = await AccountFlow.SignUpAsync(anonymous, mail);
        var buyer = await AccountFlow.SignUpAsync(anonymous, mail);
        using var sellerClient = server.CreateClient().Authorize(seller.AccessToken);
        using var buyerClient = server.CreateClient().Authorize(buyer.AccessToken);
        var itemId = await sellerClient.CreateItemAsync();
        var reservationId = (await buyerClient.ReserveAsync(itemId)).GetProperty("id").GetString()!;

        server.Kill().ShouldBe(ServerProcess.SigKillExitCode);
        var killedAt = DateTimeOffset.UtcNow;
        while (DateTimeOffset.UtcNow - killedAt < TimeSpan.FromSeconds(3.5))
        {
            await Task.Delay(100);
        }

        await server.StartAsync();
        var deadline = DateTimeOffset.UtcNow.AddSeconds(20);
        while ((await buyerClient.GetFromJsonAsync<System.Text.Json.JsonElement>($"reservations/{reservationId}")).GetProperty("status").GetString() != "expired")
        {
            DateTimeOffset.UtcNow.ShouldBeLessThan(deadline, server.LogTail());
            await Task.Delay(50);
        }

        (await buyerClient.StatusOfItemAsync(itemId)).ShouldBe("available");
        await server.StopAsync();
        await using var connection = new SqliteConnection($"Data Source={server.DatabasePath};Pooling=False");
        (await connection.ExecuteScalarAsync<long>("SELECT no_shows FROM users WHERE id = @Id", new { buyer.Id })).ShouldBe(1);
        (await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM (SELECT envelope FROM outbox UNION ALL SELECT envelope FROM event_archive) AS events WHERE json_extract(envelope, '$.detail-type') = 'ReservationExpired'")).ShouldBe(1);
    }
}
