using System.Security.Claims;
using Dapper;
using EcoBid.Domain.Events;
using EcoBid.Domain.Items;
using EcoBid.Events.Storage;
using EcoBid.Events.Timers;
using EcoBid.Server.Auctions;
using EcoBid.Server.Handlers.ItemCreated;
using EcoBid.Server.Events;
using EcoBid.Server.Http;
using EcoBid.Server.Identity;
using EcoBid.Server.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcoBid.Server.Items;

/// <summary>Changing and withdrawing a listing: its owner only, and never while someone holds a reservation on it.</summary>
public static class ItemChangesApi
{
    public static IEndpointRouteBuilder MapItemChangesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/items").WithTags("Items").RequireAuthorization();
        group.MapPut("/{id}", UpdateItem).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).WithSummary("Changes title, description or category; ItemUpdated commits with it.");
        group.MapDelete("/{id}", DeleteItem).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).WithSummary("Withdraws the listing; ItemDeleted commits with it.");
        return routes;
    }

    public static async Task<Results<Ok<ItemResponse>, ValidationProblem, ProblemHttpResult>> UpdateItem(
        string id, UpdateItemRequest request, ClaimsPrincipal user, IEventDatabase database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var outcome = await database.WriteAsync<Results<Ok<ItemResponse>, ValidationProblem, ProblemHttpResult>>(async scope =>
        {
            await AggregateLocks.ItemAsync(scope, id);
            var item = await ItemStore.FindAsync(scope.Connection, id, scope.Transaction);
            if (OwnershipProblem(item, user) is { } problem)
            {
                return problem;
            }

            var changed = new List<string>();
            var proposal = new NewItem(request.Title ?? item!.Title, request.Description ?? item!.Description, request.Category ?? item!.Category, item!.Mode, item.Lat, item.Lon);
            var errors = ItemRules.Validate(proposal);
            if (!errors.IsValid)
            {
                return Problems.Validation(errors);
            }

            if (item.Status is not (ItemStatus.Available or ItemStatus.Expired))
            {
                return Problems.Conflict($"The item is {item.Status}; it can change only while available.");
            }

            if (await AuctionStore.HasLiveBidsAsync(scope, id))
            {
                return Problems.Conflict("People have bid on the item as listed; it cannot change until the auction ends.");
            }

            if (request.Title is not null && request.Title.Trim() != item.Title) changed.Add("title");
            if (request.Description is not null && request.Description.Trim() != item.Description) changed.Add("description");
            if (request.Category is not null && request.Category != item.Category) changed.Add("category");
            if (changed.Count == 0)
            {
                return TypedResults.Ok(ItemResponse.From(item));
            }

            var updated = item with
            {
                Title = proposal.Title!.Trim(),
                Description = proposal.Description!.Trim(),
                Category = proposal.Category!,
                Moderation = "pending",
                UpdatedAt = scope.Now.ToUnixTimeMilliseconds(),
            };
            await scope.Connection.ExecuteAsync(
                "UPDATE items SET title = @Title, description = @Description, category = @Category, moderation = @Moderation, updated_at = @UpdatedAt WHERE id = @Id",
                updated,
                scope.Transaction);
            await scope.PublishAsync(new ItemUpdated(
                updated.Id, updated.SellerId, updated.Title, updated.Description, updated.Category, updated.Status,
                new EventLocation(updated.Lat, updated.Lon, updated.Geohash), changed, scope.Now));
            return TypedResults.Ok(ItemResponse.From(updated));
        }, cancellationToken);
        return outcome;
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteItem(
        string id, ClaimsPrincipal user, IEventDatabase database, ITimerStore timers, AuctionStore auctions, CancellationToken cancellationToken) =>
        await database.WriteAsync<Results<NoContent, ProblemHttpResult>>(async scope =>
        {
            await AggregateLocks.ItemAsync(scope, id);
            var item = await ItemStore.FindAsync(scope.Connection, id, scope.Transaction);
            if (OwnershipProblem(item, user) is { } problem)
            {
                return problem;
            }

            if (item!.Status is ItemStatus.Reserved)
            {
                return Problems.Conflict("Someone holds a reservation on the item; cancel it first.");
            }

            if (item.Status is ItemStatus.Withdrawn or ItemStatus.PickedUp)
            {
                return Problems.Conflict($"The item is {item.Status} already.");
            }

            if (await auctions.ReleaseForWithdrawalAsync(scope, id) is { } bidsPlaced)
            {
                return Problems.Conflict(bidsPlaced);
            }

            await scope.Connection.ExecuteAsync(
                "UPDATE items SET status = @withdrawn, updated_at = @now WHERE id = @id",
                new { withdrawn = ItemStatus.Withdrawn, now = scope.Now.ToUnixTimeMilliseconds(), id },
                scope.Transaction);
            await timers.CancelAsync(scope, ProcessNewItem.ExpiryTimerKey(id));
            await scope.PublishAsync(new ItemDeleted(id, item.SellerId, "withdrawn by the owner", scope.Now));
            return TypedResults.NoContent();
        }, cancellationToken);

    /// <summary>404 for an unknown item, 403 for someone else's: one rule for every owner-only route.</summary>
    public static ProblemHttpResult? OwnershipProblem(ItemRecord? item, ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (item is null)
        {
            return Problems.NotFound("No such item.");
        }

        return item.SellerId == user.Id()
            ? null
            : TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden.", detail: "Only the item's owner can change it.");
    }
}
