using System.Net;
using EcoBid.Server.Disputes;
using EcoBid.Server.Tests.Infrastructure;
using EcoBid.Server.Tests.Reservations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace EcoBid.Server.Tests.Disputes;

/// <summary>
/// The DisputeResolution timeouts on the host's clock made controllable: the 24 h answer wait and what is left of the
/// 7 days for the admin fire when the fake clock is moved past them, through the real timers, queues and workflow
/// runtime. The clock starts at the real time, so the access tokens issued before the jump are accepted.
/// </summary>
public sealed class DisputeTimeoutTests : IDisposable
{
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly EcoBidApp _app;

    public DisputeTimeoutTests()
    {
        _app = new EcoBidApp().With("Reservations:Window", "00:00:05").WithServices(services => services.AddSingleton<TimeProvider>(_clock));
    }

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_buyer_silent_for_24_hours_on_a_no_show_claim_loses_automatically_when_they_have_missed_a_pickup_before()
    {
        var (seller, sellerClient, buyer, buyerClient, _) = await _app.ReservedAsync();
        _clock.Advance(TimeSpan.FromSeconds(6));
        await Eventually.TrueAsync(async () => await _app.NoShowsAsync(buyer.Id) == 1, what: "the first reservation lapses as a no-show");

        var itemId = await sellerClient.CreateItemAsync();
        var reservationId = (await buyerClient.ReserveAsync(itemId)).GetProperty("id").GetString()!;
        (await sellerClient.ActAsync(reservationId, "confirm")).EnsureSuccessStatusCode();
        var id = await _app.OpenDisputeAsync(sellerClient, reservationId, "no_show", "Confirmed the pickup and never came.");

        (await TimeoutDueAtAsync("AwaitAnswer")).ShouldBe((await _app.DisputeAsync(id)).RespondBy, "TimeoutSeconds 86400 from the opening");
        _clock.Advance(Day);
        var resolved = await _app.DisputeInStatusAsync(id, DisputeRoles.Resolved);
        resolved.Outcome.ShouldBe(DisputeRoles.Seller);
        resolved.ResolvedBy.ShouldBe("automatic");
        resolved.ResponseAccept.ShouldBeNull();
        (await _app.NoShowsAsync(buyer.Id)).ShouldBe(2, "the lapsed reservation and the no-show the dispute decided");
        (await _app.EventCountAsync("DisputeResolved")).ShouldBe(1);
        await Eventually.TrueAsync(async () => (await _app.ToldOfResolutionAsync(id)).Count == 2, what: "both parties told");
        (await _app.ToldOfResolutionAsync(id)).ShouldBe(new[] { seller.Id, buyer.Id }.Order(StringComparer.Ordinal));

        // The step re-run after a crash: the dispute is resolved already, so nothing is counted or published again.
        (await _app.Database.WriteAsync(scope => DisputeStore.ResolveAsync(scope, resolved, DisputeRoles.Seller, "automatic", null))).ShouldBeFalse();
        (await _app.NoShowsAsync(buyer.Id)).ShouldBe(2);
        (await _app.EventCountAsync("DisputeResolved")).ShouldBe(1);
    }

    [Fact]
    public async Task A_no_show_decided_by_an_earlier_claim_counts_as_missed_before_but_not_the_same_pickups_own()
    {
        var (_, sellerClient, buyer, buyerClient, firstReservation) = await _app.ReservedAsync();
        (await sellerClient.ActAsync(firstReservation, "confirm")).EnsureSuccessStatusCode();
        var conceded = await _app.OpenDisputeAsync(sellerClient, firstReservation, "no_show", "Never came.");
        (await buyerClient.AnswerAsync(conceded, accept: true)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await _app.DisputeInStatusAsync(conceded, DisputeRoles.Resolved);
        (await _app.NoShowsAsync(buyer.Id)).ShouldBe(1, "recorded by the claim, not by a lapsed reservation");

        // A second claim on the same pickup, left unanswered: its only no-show is its own, so an admin decides.
        var again = await _app.OpenDisputeAsync(sellerClient, firstReservation, "no_show", "Still never came.");
        _clock.Advance(Day);
        (await _app.DisputeInStatusAsync(again, DisputeRoles.AwaitingAdmin)).Outcome.ShouldBeNull();

        // A claim on another pickup, left unanswered: the buyer has missed one before, so it is decided at once.
        var itemId = await sellerClient.CreateItemAsync();
        var secondReservation = (await buyerClient.ReserveAsync(itemId)).GetProperty("id").GetString()!;
        (await sellerClient.ActAsync(secondReservation, "confirm")).EnsureSuccessStatusCode();
        var other = await _app.OpenDisputeAsync(sellerClient, secondReservation, "no_show", "Missed this one too.");
        _clock.Advance(Day);
        var decided = await _app.DisputeInStatusAsync(other, DisputeRoles.Resolved);
        (decided.Outcome, decided.ResolvedBy).ShouldBe((DisputeRoles.Seller, "automatic"));
        (await _app.NoShowsAsync(buyer.Id)).ShouldBe(2);
    }

    [Fact]
    public async Task A_dispute_nobody_answers_escalates_after_24_hours_and_expires_after_7_days()
    {
        var (seller, sellerClient, buyer, buyerClient, reservationId) = await _app.ReservedAsync();
        (await sellerClient.ActAsync(reservationId, "confirm")).EnsureSuccessStatusCode();
        var id = await _app.OpenDisputeAsync(buyerClient, reservationId, "item_not_received", "The item was not there.");
        var opened = await _app.DisputeAsync(id);
        (await TimeoutDueAtAsync("AwaitAnswer")).ShouldBe(opened.RespondBy);

        _clock.Advance(Day);
        var escalated = await _app.DisputeInStatusAsync(id, DisputeRoles.AwaitingAdmin);
        escalated.AdminToken.ShouldNotBeNull();
        escalated.ResponseToken.ShouldBeNull("the answer window is over");
        await (await sellerClient.AnswerAsync(id, accept: true)).ShouldBeProblemAsync(409);

        (await TimeoutDueAtAsync("AwaitAdmin")).ShouldBe(opened.ExpiresAt, "the admin waits for what is left of the 7 days");
        _clock.Advance(6 * Day);
        var expired = await _app.DisputeInStatusAsync(id, DisputeRoles.Resolved);
        expired.Outcome.ShouldBe("expired");
        expired.ResolvedBy.ShouldBe("timeout");
        expired.ResolvedAt!.Value.ShouldBeGreaterThanOrEqualTo(opened.ExpiresAt);
        (await _app.NoShowsAsync(buyer.Id)).ShouldBe(0);
        (await _app.EventCountAsync("DisputeResolved")).ShouldBe(1);
        await Eventually.TrueAsync(async () => (await _app.ToldOfResolutionAsync(id)).Count == 2, what: "both parties told");
        (await _app.ToldOfResolutionAsync(id)).ShouldBe(new[] { seller.Id, buyer.Id }.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_answer_racing_the_24_hour_timeout_either_wins_whole_or_gets_a_409_and_changes_nothing()
    {
        var (_, sellerClient, _, buyerClient, reservationId) = await _app.ReservedAsync();
        (await sellerClient.ActAsync(reservationId, "confirm")).EnsureSuccessStatusCode();
        var id = await _app.OpenDisputeAsync(buyerClient, reservationId, "item_not_received", "The item was not there.");
        _clock.Advance(Day - TimeSpan.FromMilliseconds(1));

        var answering = sellerClient.AnswerAsync(id, accept: true, text: "You are right.");
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        var answer = await answering;

        if (answer.StatusCode == HttpStatusCode.OK)
        {
            var resolved = await _app.DisputeInStatusAsync(id, DisputeRoles.Resolved);
            resolved.ResponseText.ShouldBe("You are right.");
            resolved.Outcome.ShouldBe(DisputeRoles.Buyer);
            resolved.ResolvedBy.ShouldBe("automatic");
        }
        else
        {
            var problem = await answer.ShouldBeProblemAsync(409);
            problem.GetProperty("detail").GetString()!.ShouldContain("no longer waiting for an answer");
            var escalated = await _app.DisputeInStatusAsync(id, DisputeRoles.AwaitingAdmin);
            escalated.ResponseText.ShouldBeNull("the refused answer changed nothing");
            escalated.ResponseAccept.ShouldBeNull();
        }

        (await _app.Database.CountAsync("SELECT COUNT(*) FROM workflow_history WHERE event LIKE '%\"type\":\"TaskSucceeded\"%' AND event LIKE '%answered%'"))
            .ShouldBe(answer.StatusCode == HttpStatusCode.OK ? 1 : 0);
    }

    /// <summary>When the timeout timer of the callback task in <paramref name="state"/> is due (Unix ms; 0 when there is none).</summary>
    private Task<long> TimeoutDueAtAsync(string state) =>
        _app.Database.UnixMillisAsync("SELECT due_at FROM timers WHERE key LIKE 'workflow:%' AND key LIKE '%' || @state || '%'", new { state });
}
