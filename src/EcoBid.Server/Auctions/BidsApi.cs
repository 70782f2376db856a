using System.Security.Claims;
using EcoBid.Domain.Auctions;
using EcoBid.Domain.Validation;
using EcoBid.Events.Storage;
using EcoBid.Server.Http;
using EcoBid.Server.Identity;
using EcoBid.Server.Items;
using EcoBid.Server.Messaging;
using EcoBid.Server.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace EcoBid.Server.Auctions;

/// <summary>
/// Bidding. Each bid reads the auction, decides with <see cref="AuctionBook"/> and writes the result inside one write
/// transaction; the single SQLite writer runs one such transaction at a time, so no two bids ever decide on the same
/// state, and the bid's instant (the transaction's clock reading) is checked against the effective end it reads.
/// </summary>
public static class BidsApi
{
    public static IEndpointRouteBuilder MapBidsApi(this IEndpointRouteBuilder routes)
    {
        var items = routes.MapGroup("/items/{id}").WithTags("Auctions");
        items.MapPost("/bids", PlaceBid).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422).RequireAuthorization()
            .WithSummary("Bids up to a maximum (proxy bidding); needs an Idempotency-Key header. 201 even when outbid at once: see 'leading'.");
        items.MapPost("/buy-now", BuyNow).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422).RequireAuthorization()
            .WithSummary("Buys at the buy-now price and ends the auction at once; needs an Idempotency-Key header.");
        items.MapGet("/bids", RuntimeBinding.Of(BidHistory)).ProducesProblem(404).WithSummary("The auction's bids, newest first, bidders shown as 'bidder N'.");
        routes.MapGet("/users/me/bids", Mine).WithTags("Auctions").RequireAuthorization().WithSummary("The auctions you bid on, latest bid first.");
        return routes;
    }

    public static async Task<Results<Created<BidResponse>, ValidationProblem, ProblemHttpResult>> PlaceBid(
        string id, PlaceBidRequest request, [FromHeader(Name = AuctionRequests.Header)] string? idempotencyKey,
        ClaimsPrincipal user, HttpResponse response, IEventDatabase database, AuctionStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationErrors();
        if (AuctionRequests.CheckKey(idempotencyKey) is { } keyProblem)
        {
            errors.Add(AuctionRequests.Field, keyProblem);
        }

        if (request.MaxAmount is not { } maxAmount || maxAmount is < 1 or > AuctionLimits.MaxAmount)
        {
            errors.Add("maxAmount", $"The most you will pay, as a whole number of minor units (cents) from 1 to {AuctionLimits.MaxAmount}.");
            return Problems.Validation(errors);
        }

        if (!errors.IsValid)
        {
            return Problems.Validation(errors);
        }

        var bidderId = user.Id();
        var fingerprint = $"bid {id} {maxAmount}";
        // Bids on one item take turns under the item's lock: each decides on the price the previous one left (and a
        // retried key sees its answer). A bid takes no other lock, so a store may commit a run of them together.
        return await database.WriteAsync<Results<Created<BidResponse>, ValidationProblem, ProblemHttpResult>>(AggregateLocks.ItemKey(id), async scope =>
        {
            // One read for the stored answer, the open auction, the item's visibility and a block: under the item's
            // lock, where each round trip to PostgreSQL holds up every bid queued behind this one.
            var context = await BidContext.ReadAsync(scope, id, bidderId, idempotencyKey!);
            if (context.Stored is { } stored)
            {
                return Replay(stored, fingerprint, response);
            }

            // Without an open auction, the item's latest (a late bid hears that it ended), and its seller's block read alone.
            var auction = context.OpenAuction ?? await AuctionStore.ForItemAsync(scope, id);
            if (auction is null || context.IsItemHiddenFrom(user))
            {
                return await NoAuctionAsync(scope, id, user);
            }

            var blocked = context.OpenAuction is null
                ? await Blocks.RefusalAsync(scope, bidderId, auction.SellerId)
                : Blocks.Refusal(bidderId, auction.SellerId, context.BlockDirection);
            if (blocked is not null)
            {
                return Problems.Forbidden(blocked);
            }

            var outcome = AuctionBook.Apply(auction.ToState(), new BidAttempt(bidderId, maxAmount, AuctionTime.Of(scope.Now)));
            if (outcome.Refusal is { } refusal)
            {
                return AuctionProblems.Refused(refusal);
            }

            var bidId = AuctionStore.NewBidId(scope.Now);
            var placed = Placed(bidId, auction, outcome, bidderId, maxAmount, AuctionStore.BidKind, AuctionTime.Of(scope.Now));
            await store.RecordBidAsync(
                scope, auction, outcome, bidId, bidderId, maxAmount, AuctionStore.BidKind, AuctionRequests.Save(scope, bidderId, idempotencyKey!, fingerprint, placed));
            return TypedResults.Created($"/items/{id}/bids", placed);
        }, cancellationToken);
    }

    public static async Task<Results<Created<BidResponse>, ValidationProblem, ProblemHttpResult>> BuyNow(
        string id, [FromHeader(Name = AuctionRequests.Header)] string? idempotencyKey, ClaimsPrincipal user, HttpResponse response,
        IEventDatabase database, AuctionStore store, AuctionClosing closing, CancellationToken cancellationToken)
    {
        if (AuctionRequests.CheckKey(idempotencyKey) is { } keyProblem)
        {
            return Problems.Validation(AuctionRequests.Field, keyProblem);
        }

        var buyerId = user.Id();
        var fingerprint = $"buy-now {id}";
        return await database.WriteAsync<Results<Created<BidResponse>, ValidationProblem, ProblemHttpResult>>(async scope =>
        {
            // Bids on one item take turns: each decides on the price the previous one left (and a retried key sees its answer).
            await AggregateLocks.ItemAsync(scope, id);
            if (await ReplayAsync(scope, buyerId, idempotencyKey!, fingerprint, response) is { } replayed)
            {
                return replayed;
            }

            var auction = await AuctionStore.ForItemAsync(scope, id);
            if (auction is null || await ItemVisibility.IsHiddenFromAsync(scope, id, user))
            {
                return await NoAuctionAsync(scope, id, user);
            }

            if (await Blocks.RefusalAsync(scope, buyerId, auction.SellerId) is { } blocked)
            {
                return Problems.Forbidden(blocked);
            }

            var outcome = AuctionBook.BuyNow(auction.ToState(), buyerId, AuctionTime.Of(scope.Now));
            if (outcome.Refusal is { } refusal)
            {
                return AuctionProblems.Refused(refusal);
            }

            var price = outcome.After.Price!.Value;
            var bidId = AuctionStore.NewBidId(scope.Now);
            await store.RecordBidAsync(scope, auction, outcome, bidId, buyerId, price, AuctionStore.BuyNowKind);
            var result = AuctionBook.Close(outcome.After, AuctionTime.Of(scope.Now))!;
            await closing.CloseAsync(scope, auction, result, boughtNow: true);
            var bought = Placed(bidId, auction, outcome, buyerId, price, AuctionStore.BuyNowKind, AuctionTime.Of(scope.Now)) with { AuctionStatus = AuctionStatus.Ended, MinimumNextBid = null };
            await AuctionRequests.SaveAsync(scope, buyerId, idempotencyKey!, fingerprint, bought);
            return TypedResults.Created($"/items/{id}/bids", bought);
        }, cancellationToken);
    }

    public static async Task<Results<Ok<BidHistoryResponse>, ValidationProblem, ProblemHttpResult>> BidHistory(
        string id, int? limit, int? before, ClaimsPrincipal user, IEventDatabase database, CancellationToken cancellationToken)
    {
        var take = limit ?? 100;
        if (take is < 1 or > BidHistoryQuery.MaxLimit)
        {
            return Problems.Validation("limit", $"The limit is between 1 and {BidHistoryQuery.MaxLimit}.");
        }

        if (before is < 1)
        {
            return Problems.Validation("before", "'before' is a bid number (seq) of 1 or more.");
        }

        var history = await database.ReadAsync(
            async connection => await ItemStore.FindAsync(connection, id) is { } item && !ItemVisibility.IsHiddenFrom(item, user)
                ? await BidHistoryQuery.ForItemAsync(connection, id, AuctionViews.ViewerId(user), take, before)
                : null,
            cancellationToken);
        return history is null ? Problems.NotFound("No auction for this item.") : TypedResults.Ok(history);
    }

    public static async Task<Ok<List<MyAuctionBid>>> Mine(ClaimsPrincipal user, IEventDatabase database, TimeProvider clock, CancellationToken cancellationToken) =>
        TypedResults.Ok(await database.ReadAsync(connection => MyAuctionBid.ForBidderAsync(connection, user.Id(), clock.GetUtcNow()), cancellationToken));

    /// <summary>The stored answer to an earlier request with this key, or null if the key is new.</summary>
    private static async Task<Results<Created<BidResponse>, ValidationProblem, ProblemHttpResult>?> ReplayAsync(
        IWriteScope scope, string userId, string key, string fingerprint, HttpResponse response)
    {
        return await AuctionRequests.FindAsync(scope, userId, key) is { } stored ? Replay(stored, fingerprint, response) : null;
    }

    /// <summary>The stored answer again, or a 422 when the key was used for another request.</summary>
    private static Results<Created<BidResponse>, ValidationProblem, ProblemHttpResult> Replay(StoredRequest stored, string fingerprint, HttpResponse response)
    {
        if (stored.Request != fingerprint)
        {
            var message = $"This {AuctionRequests.Header} was used for another request ({stored.Request}); use a new key for a new bid.";
            return TypedResults.Problem(
                statusCode: StatusCodes.Status422UnprocessableEntity, title: "The idempotency key was used for a different request.", detail: message,
                extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [AuctionRequests.Field] = [message] } });
        }

        response.Headers[AuctionRequests.ReplayedHeader] = "true";
        var earlier = AuctionRequests.Read(stored);
        return TypedResults.Created($"/items/{earlier.ItemId}/bids", earlier);
    }

    private static async Task<ProblemHttpResult> NoAuctionAsync(IWriteScope scope, string itemId, ClaimsPrincipal user) =>
        await ItemStore.FindAsync(scope.Connection, itemId, scope.Transaction) is { } item && !ItemVisibility.IsHiddenFrom(item, user)
            ? AuctionProblems.NoAuction(item.Mode)
            : Problems.NotFound("No such item.");

    private static BidResponse Placed(string bidId, AuctionRecord auction, BidOutcome outcome, string bidderId, long maxAmount, string kind, DateTimeOffset at)
    {
        var after = outcome.After;
        return new BidResponse(
            bidId, auction.Id, auction.ItemId, kind, maxAmount, auction.Currency, after.Price!.Value, after.LeaderId == bidderId, after.BidCount, at,
            after.EffectiveEnd, outcome.Extended, AuctionBook.MinimumBid(after), AuctionStatus.Open);
    }
}
