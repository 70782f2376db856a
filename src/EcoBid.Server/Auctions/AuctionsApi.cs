using System.Security.Claims;
using Dapper;
using EcoBid.Domain.Auctions;
using EcoBid.Domain.Events;
using EcoBid.Domain.Items;
using EcoBid.Domain.Validation;
using EcoBid.Events.Storage;
using EcoBid.Events.Timers;
using EcoBid.Server.Events;
using EcoBid.Server.Handlers.ItemCreated;
using EcoBid.Server.Http;
using EcoBid.Server.Identity;
using EcoBid.Server.Items;
using EcoBid.Server.Reservations;
using EcoBid.Server.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace EcoBid.Server.Auctions;

/// <summary>Putting an item up for auction and taking it down again: the item's owner only.</summary>
public static class AuctionsApi
{
    public static IEndpointRouteBuilder MapAuctionsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/items/{id}/auction").WithTags("Auctions").RequireAuthorization();
        group.MapPost("/", CreateAuction).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).WithSummary("Auctions an item in auction mode; AuctionCreated and the end timer commit with it.");
        group.MapDelete("/", CancelAuction).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).WithSummary("Cancels the open auction, only while nobody has bid.");
        return routes;
    }

    public static async Task<Results<Created<AuctionView>, ValidationProblem, ProblemHttpResult>> CreateAuction(
        string id, CreateAuctionRequest request, ClaimsPrincipal user, IEventDatabase database, AuctionStore store, ITimerStore timers,
        IOptions<AuctionsOptions> options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var input = new NewAuction(
            request.StartPrice, request.ReservePrice, request.BuyNowPrice, request.Currency, request.DurationSeconds,
            request.Increments?.Select(s => s is null ? null : new NewIncrementStep(s.From, s.Increment)).ToList(),
            request.SoftClose?.WindowSeconds, request.SoftClose?.MaxExtensionSeconds);
        var errors = new ValidationErrors();
        var terms = AuctionRules.Validate(input, new AuctionLimits(options.Value.MinDuration, options.Value.MaxDuration), errors);
        if (terms is null)
        {
            return Problems.Validation(errors);
        }

        var sellerId = user.Id();
        return await database.WriteAsync<Results<Created<AuctionView>, ValidationProblem, ProblemHttpResult>>(async scope =>
        {
            await AggregateLocks.ItemAsync(scope, id);
            var item = await ItemStore.FindAsync(scope.Connection, id, scope.Transaction);
            if (ItemChangesApi.OwnershipProblem(item, user) is { } problem)
            {
                return problem;
            }

            if (item!.Mode != ItemMode.Auction)
            {
                return Problems.Conflict("The item is listed free; only items posted in auction mode are auctioned.");
            }

            if (item.Status is not (ItemStatus.Available or ItemStatus.Ended))
            {
                return Problems.Conflict($"The item is {item.Status}; only an available item, or one whose auction ended unsold, can be auctioned.");
            }

            if (await AuctionStore.ForItemAsync(scope, id) is { Status: AuctionStatus.Open })
            {
                return Problems.Conflict("The item's auction is running already.");
            }

            var auction = await OpenAsync(scope, store, timers, options.Value, item, terms);
            return TypedResults.Created($"/items/{id}", AuctionViews.From(auction, sellerId, null, scope.Now));
        }, cancellationToken);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> CancelAuction(
        string id, ClaimsPrincipal user, IEventDatabase database, AuctionStore store, CancellationToken cancellationToken) =>
        await database.WriteAsync<Results<NoContent, ProblemHttpResult>>(async scope =>
        {
            await AggregateLocks.ItemAsync(scope, id);
            var auction = await AuctionStore.ForItemAsync(scope, id);
            if (auction is null)
            {
                return Problems.NotFound("No auction for this item.");
            }

            if (AuctionBook.CanCancel(auction.ToState(), user.Id(), AuctionTime.Of(scope.Now)) is { } refusal)
            {
                return AuctionProblems.Refused(refusal);
            }

            await store.CancelAsync(scope, auction);
            return TypedResults.NoContent();
        }, cancellationToken);

    /// <summary>
    /// Opens an auction of the seller's item on checked terms, in the caller's transaction: the item is listed again if
    /// its last auction ended unsold, and stays listed until the auction can end. The endpoint and the demo seeder call it.
    /// </summary>
    public static async Task<AuctionRecord> OpenAsync(IWriteScope scope, AuctionStore store, ITimerStore timers, AuctionsOptions options, ItemRecord item, AuctionTerms terms)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(item);
        var state = AuctionBook.Open(terms, item.SellerId!, AuctionTime.Of(scope.Now));
        if (item.Status == ItemStatus.Ended)
        {
            await ReservationStore.SetItemStatusAsync(scope, item.Id, ItemStatus.Available);
        }

        var auction = await store.CreateAsync(scope, item.Id, state);
        await KeepListedAsync(scope, timers, item, state.LatestEnd + options.ListingGrace);
        return auction;
    }

    /// <summary>
    /// The listing must not expire under a running auction: its expiry, and the timer that enforces it, move out to
    /// <paramref name="until"/> when they would come sooner. (A listing ProcessNewItem has not reached yet gets its
    /// expiry from there, a full listing duration after posting: 30 days by default, beyond any auction.)
    /// </summary>
    private static async Task KeepListedAsync(IWriteScope scope, ITimerStore timers, ItemRecord item, DateTimeOffset until)
    {
        if (item.ExpiresAt is not { } expires || expires >= until.ToUnixTimeMilliseconds())
        {
            return;
        }

        await scope.Connection.ExecuteAsync(
            "UPDATE items SET expires_at = @until WHERE id = @id",
            new { until = until.ToUnixTimeMilliseconds(), id = item.Id },
            scope.Transaction);
        var due = DomainEventPublishing.Envelope(new ListingExpiryDue(item.Id, until), scope.Now);
        await timers.ScheduleAsync(scope, new ScheduledTimer(ProcessNewItem.ExpiryTimerKey(item.Id), until, due.ToJson()));
    }
}
