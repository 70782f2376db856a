using System.Net;
using EcoBid.Events.Contracts;
using EcoBid.Server.Tests.Auctions;
using EcoBid.Server.Tests.Infrastructure;
using EcoBid.Server.Tests.Notifications;
using EcoBid.Server.Tests.Reservations;
using EcoBid.Server.Tests.Search;

namespace EcoBid.Server.Tests.ScaleOut;

/// <summary>
/// The marketplace's main flows with <c>Queues: rabbitmq</c> (state on SQLite, every target's queue on a vhost of the
/// test's own): what the embedded suite asserts for search, a reservation race, the parties' notices, an auction's
/// close by its timer and the live pushes holds when every handler's messages cross the broker.
/// </summary>
/// <remarks>
/// Alone, after the parallel tests: each sign-up waits for its email through a handler on the broker, and with the
/// whole suite sharing two cores that wait ran past its patience once.
/// </remarks>
[Collection(nameof(MarketplaceOnBroker))]
public class MarketplaceOnRabbitMqTests : IAsyncLifetime
{
    private string _vhost = null!;
    private EcoBidApp _app = null!;

    public async Task InitializeAsync()
    {
        _vhost = await RabbitMqTestServer.CreateVhostAsync();
        _app = Configure(new EcoBidApp()
            .With("Queues", "rabbitmq")
            .With("RabbitMq:ConnectionString", _vhost)
            .With("Auctions:MinDuration", "00:00:01"));
    }

    /// <summary>The app's other settings: the state stays on SQLite here.</summary>
    protected virtual EcoBidApp Configure(EcoBidApp app) => app;

    public async Task DisposeAsync()
    {
        _app.Dispose();
        await RabbitMqTestServer.DeleteVhostAsync(_vhost);
    }

    [Fact]
    public async Task A_free_item_is_found_won_by_exactly_one_of_eight_racing_takers_and_both_parties_are_told()
    {
        var (seller, sellerClient) = await _app.SignUpAsync(displayName: "Giver");
        var itemId = (await _app.PostSearchableAsync(sellerClient, Requests.Item(title: "Rocking chair")))[0];
        using var anonymous = _app.CreateClient();
        var found = await (await anonymous.GetAsync("/items?q=chair&lat=52.2297&lon=21.0122&radiusKm=5")).ReadJsonAsync();
        found.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ShouldBe([itemId]);

        var takers = new List<(string Id, HttpClient Client)>();
        for (var i = 0; i < 8; i++)
        {
            var (taker, client) = await _app.SignUpAsync(displayName: $"Taker {i}");
            takers.Add((taker.Id, client));
        }

        await using var sellerLive = await LiveClient.ConnectAsync(_app, seller.AccessToken);
        var answers = await Task.WhenAll(takers.Select(t => t.Client.PostAsync($"/items/{itemId}/reserve", null)));

        answers.Count(a => a.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        answers.Where(a => a.StatusCode != HttpStatusCode.Created).ShouldAllBe(a => a.StatusCode == HttpStatusCode.Conflict);
        var winner = takers[Array.FindIndex(answers, a => a.StatusCode == HttpStatusCode.Created)];
        var reservationId = (await answers.Single(a => a.StatusCode == HttpStatusCode.Created).ReadJsonAsync()).GetProperty("id").GetString()!;

        var told = await sellerLive.NextNotificationAsync("reservation_created", seconds: 30);
        told.GetProperty("data").GetProperty("reservationId").GetString().ShouldBe(reservationId);
        (await winner.Client.ActAsync(reservationId, "cancel", new { reason = "Changed my mind" })).EnsureSuccessStatusCode();
        await sellerLive.NextNotificationAsync("reservation_cancelled", seconds: 30);
        (await _app.EventCountAsync("ReservationCreated")).ShouldBe(1);
    }

    [Fact]
    public async Task An_auction_closes_on_its_timer_and_the_winner_the_loser_and_the_seller_hear_how_it_ended()
    {
        var (seller, sellerClient) = await _app.SignUpAsync(displayName: "Seller");
        var (winner, winnerClient) = await _app.SignUpAsync(displayName: "Winner");
        var (loser, loserClient) = await _app.SignUpAsync(displayName: "Loser");
        var itemId = await sellerClient.AuctionItemAsync(AuctionSteps.Terms(durationSeconds: 2, softClose: new { windowSeconds = 0 }), title: "Road bike");
        await using var sellerLive = await LiveClient.ConnectAsync(_app, seller.AccessToken);
        await using var winnerLive = await LiveClient.ConnectAsync(_app, winner.AccessToken);
        await using var loserLive = await LiveClient.ConnectAsync(_app, loser.AccessToken);
        await loserClient.BidOkAsync(itemId, 15_00);
        await winnerClient.BidOkAsync(itemId, 30_00);

        var outbid = await loserLive.NextNotificationAsync("outbid", seconds: 30);
        outbid.GetProperty("data").GetProperty("itemId").GetString().ShouldBe(itemId);
        var result = await sellerLive.NextNotificationAsync("auction_result", seconds: 30);
        result.GetProperty("data").GetProperty("outcome").GetString().ShouldBe("sold");
        var won = await winnerLive.NextNotificationAsync("auction_won", seconds: 30);
        won.GetProperty("data").GetProperty("reservationId").GetString().ShouldBe(result.GetProperty("data").GetProperty("reservationId").GetString());
        await loserLive.NextNotificationAsync("auction_lost", seconds: 30);
        (await _app.EventCountAsync("AuctionEnded")).ShouldBe(1);
    }
}

/// <summary>
/// The same flows with the whole scale-out stack: state, outbox, inbox and timers on PostgreSQL (a schema of the
/// test's own), queues and live pushes on RabbitMQ. The reservation race has no single writer to lean on here: only
/// the item's lock keeps the second taker out.
/// </summary>
[Collection(nameof(MarketplaceOnBroker))]
public sealed class MarketplaceOnPostgresAndRabbitMqTests : MarketplaceOnRabbitMqTests
{
    protected override EcoBidApp Configure(EcoBidApp app) => app.OnPostgres();
}

/// <summary>Runs <see cref="MarketplaceOnRabbitMqTests"/> with no other test running.</summary>
[CollectionDefinition(nameof(MarketplaceOnBroker), DisableParallelization = true)]
public sealed class MarketplaceOnBroker;
