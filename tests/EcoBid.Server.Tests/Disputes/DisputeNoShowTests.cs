using System.Net;
using System.Net.Http.Json;
using EcoBid.Events.Monitoring;
using EcoBid.Server.Disputes;
using EcoBid.Server.Tests.Infrastructure;
using EcoBid.Server.Tests.Reservations;

namespace EcoBid.Server.Tests.Disputes;

/// <summary>A seller's no_show claim decided for the seller counts against the buyer as a lapsed reservation does, once.</summary>
public sealed class DisputeNoShowTests : IDisposable
{
    private readonly EcoBidApp _app = new();

    public void Dispose() => _app.Dispose();

    [Theory]
    [InlineData("no_show", true, null, "seller", 1)]
    [InlineData("no_show", false, "seller", "seller", 1)]
    [InlineData("no_show", false, "buyer", "buyer", 0)]
    [InlineData("no_show", false, "dismissed", "dismissed", 0)]
    [InlineData("other", true, null, "seller", 0)]
    [InlineData("other", false, "seller", "seller", 0)]
    public async Task The_buyers_no_show_is_recorded_only_when_a_sellers_no_show_claim_is_decided_for_the_seller(
        string type, bool buyerAccepts, string? adminOutcome, string outcome, int noShows)
    {
        var (seller, sellerClient, buyer, buyerClient, reservationId) = await _app.ReservedAsync();
        var id = await _app.OpenDisputeAsync(sellerClient, reservationId, type, "Never came.");
        (await buyerClient.AnswerAsync(id, buyerAccepts)).StatusCode.ShouldBe(HttpStatusCode.OK);
        if (adminOutcome is not null)
        {
            await _app.DisputeInStatusAsync(id, DisputeRoles.AwaitingAdmin);
            var admin = await _app.AdminClientAsync();
            (await admin.PostAsJsonAsync($"/admin/disputes/{id}/resolve", new { outcome = adminOutcome })).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var resolved = await _app.DisputeInStatusAsync(id, DisputeRoles.Resolved);
        resolved.Outcome.ShouldBe(outcome);
        resolved.ResolvedBy.ShouldBe(adminOutcome is null ? "automatic" : "admin");
        (await _app.NoShowsAsync(buyer.Id)).ShouldBe(noShows);
        (await _app.NoShowsAsync(seller.Id)).ShouldBe(0);
        (await (await sellerClient.GetAsync($"/users/{buyer.Id}")).ReadJsonAsync()).GetProperty("noShows").GetInt64().ShouldBe(noShows);
        (await ResolvedEventsAsync(id)).ShouldBe([noShows == 1]);
    }

    [Fact]
    public async Task A_no_show_claim_on_a_reservation_that_already_lapsed_as_a_no_show_does_not_count_it_twice()
    {
        _app.With("Reservations:Window", "00:00:01");
        var (_, sellerClient, buyer, buyerClient, reservationId) = await _app.ReservedAsync();
        await _app.WaitForAsync(a => a.Kind == RuntimeActivityKind.Handled && a.Queue == "ExpireReservation");
        (await _app.NoShowsAsync(buyer.Id)).ShouldBe(1);

        var id = await _app.OpenDisputeAsync(sellerClient, reservationId, "no_show", "Never came.");
        (await buyerClient.AnswerAsync(id, accept: true)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await _app.DisputeInStatusAsync(id, DisputeRoles.Resolved)).Outcome.ShouldBe(DisputeRoles.Seller);
        (await _app.NoShowsAsync(buyer.Id)).ShouldBe(1);
        (await ResolvedEventsAsync(id)).ShouldBe([false]);
    }

    [Fact]
    public async Task A_second_no_show_claim_won_on_the_same_reservation_does_not_count_it_twice()
    {
        var (_, sellerClient, buyer, buyerClient, reservationId) = await _app.ReservedAsync();
        var first = await _app.OpenDisputeAsync(sellerClient, reservationId, "no_show", "Never came.");
        (await buyerClient.AnswerAsync(first, accept: true)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await _app.DisputeInStatusAsync(first, DisputeRoles.Resolved);
        var second = await _app.OpenDisputeAsync(sellerClient, reservationId, "no_show", "Still never came.");
        (await buyerClient.AnswerAsync(second, accept: true)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await _app.DisputeInStatusAsync(second, DisputeRoles.Resolved)).Outcome.ShouldBe(DisputeRoles.Seller);

        (await _app.NoShowsAsync(buyer.Id)).ShouldBe(1);
        (await ResolvedEventsAsync(first)).ShouldBe([true]);
        (await ResolvedEventsAsync(second)).ShouldBe([false]);
    }

    /// <summary>The <c>noShowRecorded</c> flag of each DisputeResolved event of the dispute.</summary>
    private async Task<IReadOnlyList<bool>> ResolvedEventsAsync(string disputeId) =>
        (await _app.Database.ReadAsync(c => Dapper.SqlMapper.QueryAsync<bool>(
            c,
            PortableSql.For(c, """
            SELECT json_extract(envelope, '$.detail.noShowRecorded') FROM (SELECT envelope FROM outbox UNION ALL SELECT envelope FROM event_archive) AS events
            WHERE json_extract(envelope, '$.detail-type') = 'DisputeResolved' AND json_extract(envelope, '$.detail.disputeId') = @disputeId
            """),
            new { disputeId }))).ToList();
}
