using System.Net;
using System.Net.Http.Json;
using Dapper;
using EcoBid.Server.Tests.Disputes;
using EcoBid.Server.Tests.Infrastructure;
using EcoBid.Server.Tests.Reservations;
using Microsoft.Data.Sqlite;

namespace EcoBid.Server.Tests.Crash;

/// <summary>
/// The real executable killed with SIGKILL while a dispute waits out its 24 h for the other party's answer: after the
/// restart the answer still completes the waiting task, and the dispute resolves once.
/// </summary>
[Trait("Category", "Crash")]
public sealed class DisputeAcrossKillTests
{
    [Fact]
    public async Task An_answer_after_a_kill_during_the_24_hour_wait_resumes_the_execution_and_resolves_the_dispute_once()
    {
        await using var server = ServerProcess.Create();
        await server.StartAsync();
        var mail = Path.Combine(server.DataDirectory, "mail");
        using var anonymous = server.CreateClient();
        var seller = await AccountFlow.SignUpAsync(anonymous, mail);
        var buyer = await AccountFlow.SignUpAsync(anonymous, mail);
        using var sellerClient = server.CreateClient().Authorize(seller.AccessToken);
        using var buyerClient = server.CreateClient().Authorize(buyer.AccessToken);
        var itemId = await sellerClient.CreateItemAsync();
        var reservationId = (await buyerClient.ReserveAsync(itemId)).GetProperty("id").GetString()!;
        var opened = await buyerClient.PostAsJsonAsync($"/reservations/{reservationId}/disputes", new { type = "item_not_received", text = "Nobody was home." });
        opened.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await opened.ReadJsonAsync()).GetProperty("id").GetString()!;
        await UntilAsync(server, "SELECT COUNT(*) FROM disputes WHERE id = @id AND response_token IS NOT NULL", id, "the execution waits for the answer");

        server.Kill().ShouldBe(ServerProcess.SigKillExitCode);
        (await CountAsync(server, "SELECT COUNT(*) FROM disputes WHERE id = @id AND status = 'open'", id)).ShouldBe(1);
        (await CountAsync(server, "SELECT COUNT(*) FROM workflow_executions e JOIN disputes d ON d.execution_arn = e.arn WHERE d.id = @id AND e.status = 'RUNNING'", id)).ShouldBe(1);

        await server.StartAsync();
        var answered = await sellerClient.AnswerAsync(id, accept: true, text: "Sorry, I was out.");
        answered.StatusCode.ShouldBe(HttpStatusCode.OK, server.LogTail());
        await UntilAsync(server, "SELECT COUNT(*) FROM disputes WHERE id = @id AND status = 'resolved'", id, "the resumed execution resolves the dispute");
        await (await sellerClient.AnswerAsync(id, accept: false)).ShouldBeProblemAsync(409);
        var resolved = await buyerClient.GetDisputeAsync(id);
        resolved.GetProperty("outcome").GetString().ShouldBe("buyer");
        resolved.GetProperty("resolvedBy").GetString().ShouldBe("automatic");
        resolved.GetProperty("responseText").GetString().ShouldBe("Sorry, I was out.");
        await UntilAsync(server, "SELECT COUNT(*) / 2 FROM notifications WHERE kind = 'dispute_resolved' AND json_extract(data, '$.disputeId') = @id", id, "both parties told");

        await server.StopAsync();
        (await CountAsync(server, "SELECT COUNT(*) FROM workflow_executions e JOIN disputes d ON d.execution_arn = e.arn WHERE d.id = @id AND e.status = 'SUCCEEDED'", id)).ShouldBe(1);
        (await CountAsync(
            server,
            "SELECT COUNT(*) FROM (SELECT envelope FROM outbox UNION ALL SELECT envelope FROM event_archive) AS events WHERE json_extract(envelope, '$.detail-type') = 'DisputeResolved' AND json_extract(envelope, '$.detail.disputeId') = @id",
            id)).ShouldBe(1);
        (await CountAsync(server, "SELECT COUNT(*) FROM notifications WHERE kind = 'dispute_resolved' AND json_extract(data, '$.disputeId') = @id", id)).ShouldBe(2);
    }

    private static async Task UntilAsync(ServerProcess server, string sql, string id, string what)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (await CountAsync(server, sql, id) < 1)
        {
            DateTimeOffset.UtcNow.ShouldBeLessThan(deadline, $"{what}\n{server.LogTail()}");
            await Task.Delay(50);
        }
    }

    private static async Task<long> CountAsync(ServerProcess server, string sql, string id)
    {
        await using var connection = new SqliteConnection($"Data Source={server.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await connection.ExecuteAsync("PRAGMA busy_timeout = 5000");
        return await connection.ExecuteScalarAsync<long>(sql, new { id });
    }
}
