using System.Net.Http.Json;
using EcoBid.Server.Disputes;
using EcoBid.Server.Tests.Infrastructure;
using EcoBid.Server.Tests.Reservations;

namespace EcoBid.Server.Tests.Disputes;

/// <summary>Answers and decisions sent at once: one wins whole, the other is a 409 problem that changed nothing; never a 5xx.</summary>
public sealed class DisputeRaceTests : IDisposable
{
    private const int Rounds = 4;
    private readonly EcoBidApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Two_answers_at_once_give_one_200_and_one_409_and_the_winners_text_is_kept()
    {
        for (var round = 0; round < Rounds; round++)
        {
            var (_, sellerClient, _, buyerClient, reservationId) = await _app.ReservedAsync();
            var id = await _app.OpenDisputeAsync(sellerClient, reservationId, "other", "Rude at the door.");

            var answers = await Task.WhenAll(buyerClient.AnswerAsync(id, accept: true, text: "first"), buyerClient.AnswerAsync(id, accept: false, text: "second"));

            answers.Select(a => (int)a.StatusCode).Order().ToArray().ShouldBe(new[] { 200, 409 }, $"round {round}");
            var winner = answers[0].IsSuccessStatusCode ? 0 : 1;
            var problem = await answers[1 - winner].ShouldBeProblemAsync(409);
            problem.GetProperty("detail").GetString()!.ShouldContain("already answered");
            var winning = await answers[winner].ReadJsonAsync();
            winning.GetProperty("responseText").GetString().ShouldBe(winner == 0 ? "first" : "second");

            var dispute = await _app.DisputeInStatusAsync(id, winner == 0 ? DisputeRoles.Resolved : DisputeRoles.AwaitingAdmin);
            dispute.ResponseText.ShouldBe(winner == 0 ? "first" : "second", "the losing answer overwrote nothing");
            dispute.ResponseAccept.ShouldBe(winner == 0);
        }

        (await _app.Database.CountAsync("SELECT COUNT(*) FROM workflow_history WHERE event LIKE '%\"type\":\"TaskSucceeded\"%' AND event LIKE '%answered%'")).ShouldBe(Rounds);
    }

    [Fact]
    public async Task Two_admin_decisions_at_once_give_one_200_and_one_409_and_one_resolution()
    {
        var admin = await _app.AdminClientAsync();
        for (var round = 0; round < Rounds; round++)
        {
            var (_, sellerClient, _, buyerClient, reservationId) = await _app.ReservedAsync();
            var id = await _app.OpenDisputeAsync(sellerClient, reservationId, "other", "Rude at the door.");
            (await buyerClient.AnswerAsync(id, accept: false)).EnsureSuccessStatusCode();
            await _app.DisputeInStatusAsync(id, DisputeRoles.AwaitingAdmin);

            var decisions = await Task.WhenAll(
                admin.PostAsJsonAsync($"/admin/disputes/{id}/resolve", new { outcome = "buyer", note = "first" }),
                admin.PostAsJsonAsync($"/admin/disputes/{id}/resolve", new { outcome = "seller", note = "second" }));

            decisions.Select(d => (int)d.StatusCode).Order().ToArray().ShouldBe(new[] { 200, 409 }, $"round {round}");
            var winner = decisions[0].IsSuccessStatusCode ? 0 : 1;
            await decisions[1 - winner].ShouldBeProblemAsync(409);
            var resolved = await _app.DisputeInStatusAsync(id, DisputeRoles.Resolved);
            resolved.Outcome.ShouldBe(winner == 0 ? "buyer" : "seller");
            resolved.AdminNote.ShouldBe(winner == 0 ? "first" : "second");
        }

        (await _app.EventCountAsync("DisputeResolved")).ShouldBe(Rounds);
    }

    /// <summary>
    /// The dispute row and the workflow disagreeing (a row restored from an older backup, say): the token the row holds
    /// is unknown, or was answered already. The workflow's refusal is a 409 that names it, and the answer is not kept.
    /// </summary>
    [Theory]
    [InlineData("unknown", "InvalidToken")]
    [InlineData("answered", "TaskDoesNotExist")]
    public async Task A_token_the_workflow_refuses_is_a_409_naming_the_refusal_and_keeps_nothing(string token, string code)
    {
        var (_, sellerClient, _, buyerClient, reservationId) = await _app.ReservedAsync();
        var id = await _app.OpenDisputeAsync(sellerClient, reservationId, "other", "Rude at the door.");
        var stale = "not-a-token";
        if (token == "answered")
        {
            var other = await _app.ReservedAsync();
            var otherId = await _app.OpenDisputeAsync(other.SellerClient, other.ReservationId, "other", "Rude.");
            stale = (await _app.DisputeAsync(otherId)).ResponseToken!;
            (await other.BuyerClient.AnswerAsync(otherId, accept: false)).EnsureSuccessStatusCode();
        }

        await _app.Database.WriteAsync(scope => Dapper.SqlMapper.ExecuteAsync(
            scope.Connection, "UPDATE disputes SET response_token = @stale WHERE id = @id", new { stale, id }, scope.Transaction));

        var problem = await (await buyerClient.AnswerAsync(id, accept: true)).ShouldBeProblemAsync(409);
        problem.GetProperty("code").GetString().ShouldBe(code);
        problem.GetProperty("detail").GetString()!.ShouldContain(code);
        var dispute = await _app.DisputeAsync(id);
        dispute.Status.ShouldBe(DisputeRoles.Open);
        dispute.ResponseText.ShouldBeNull();
        dispute.ResponseAccept.ShouldBeNull();
    }
}
