using System.Data.Common;
using System.Security.Claims;
using Dapper;
using EcoBid.Domain.Events;
using EcoBid.Domain.Items;
using EcoBid.Domain.Reservations;
using EcoBid.Events.Storage;
using EcoBid.Server.Events;
using EcoBid.Server.Http;
using EcoBid.Server.Identity;
using EcoBid.Server.Items;
using EcoBid.Server.Messaging;
using EcoBid.Server.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace EcoBid.Server.Reservations;

/// <summary>
/// The give-away flow: reserve (first come gets it), waitlist, confirm, cancel, complete. Reservations are visible
/// to their buyer and seller only; to anyone else they do not exist (404).
/// </summary>
public static class ReservationsApi
{
    public const int ReasonMaxLength = 500;

    public static IEndpointRouteBuilder MapReservationsApi(this IEndpointRouteBuilder routes)
    {
        var items = routes.MapGroup("/items/{id}").WithTags("Reservations").RequireAuthorization();
        items.MapPost("/reserve", Reserve).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).WithSummary("Reserves a free item for you; the first of many concurrent attempts wins, the rest get 409.");
        items.MapPost("/waitlist", JoinWaitlist).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).WithSummary("Queues you for a reserved item: if the reservation lapses or is cancelled, the next in line is offered it.");
        items.MapGet("/waitlist", GetWaitlistPlace).ProducesProblem(404).WithSummary("Your place in the item's waitlist (1 is next in line); 404 when you are not on it.");
        items.MapDelete("/waitlist", LeaveWaitlist).WithSummary("Leaves the waitlist.");

        var reservations = routes.MapGroup("/reservations/{id}").WithTags("Reservations").RequireAuthorization();
        reservations.MapGet("/", GetReservation).ProducesProblem(404).WithSummary("One of your reservations, as buyer or seller.");
        reservations.MapPost("/confirm", Confirm).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).WithSummary("The seller confirms the pickup; the reservation no longer expires.");
        reservations.MapPost("/cancel", Cancel).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).WithSummary("Either side cancels, with a reason; the item goes to the next in line.");
        reservations.MapPost("/complete", Complete).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).WithSummary("The seller completes the pickup; the buyer's call records their side.");

        routes.MapGet("/users/me/reservations", Mine).WithTags("Reservations").RequireAuthorization().WithSummary("Your reservations, as buyer and as seller, newest first.");
        return routes;
    }

    public static async Task<Results<Created<ReservationResponse>, ProblemHttpResult>> Reserve(
        string id, ClaimsPrincipal user, IEventDatabase database, ReservationStore store, IOptions<ReservationsOptions> options, CancellationToken cancellationToken)
    {
        var buyerId = user.Id();
        return await database.WriteAsync<Results<Created<ReservationResponse>, ProblemHttpResult>>(async scope =>
        {
            await AggregateLocks.ItemAsync(scope, id);
            var item = await ItemStore.FindAsync(scope.Connection, id, scope.Transaction);
            if (item is null || item.Status == ItemStatus.Withdrawn || ItemVisibility.IsHiddenFrom(item, user))
            {
                return Problems.NotFound("No such item.");
            }

            if (await Blocks.RefusalAsync(scope, buyerId, item.SellerId!) is { } blocked)
            {
                return Problems.Forbidden(blocked);
            }

            // The per-person limit counts the buyer's reservations: their other reserves wait (item before user, always).
            await AggregateLocks.UserAsync(scope, buyerId);
            var refusal = ReservationRules.CanReserve(item.Mode, item.Status, item.SellerId!, buyerId, await ReservationStore.CountHoldingAsync(scope, buyerId), options.Value.MaxActivePerUser);
            if (refusal is not null)
            {
                return Refused(refusal);
            }

            var reservation = await store.CreateAsync(scope, item, buyerId, options.Value.Window, ReservationOrigin.Reserve);
            return TypedResults.Created($"/reservations/{reservation.Id}", await ReservationViews.ForReaderAsync(scope.Connection, reservation, buyerId, scope.Transaction));
        }, cancellationToken);
    }

    public static async Task<Results<Created<WaitlistResponse>, ProblemHttpResult>> JoinWaitlist(string id, ClaimsPrincipal user, IEventDatabase database, CancellationToken cancellationToken)
    {
        var userId = user.Id();
        return await database.WriteAsync<Results<Created<WaitlistResponse>, ProblemHttpResult>>(async scope =>
        {
            await AggregateLocks.ItemAsync(scope, id);
            var item = await ItemStore.FindAsync(scope.Connection, id, scope.Transaction);
            if (item is null || item.Status == ItemStatus.Withdrawn || ItemVisibility.IsHiddenFrom(item, user))
            {
                return Problems.NotFound("No such item.");
            }

            if (item.SellerId == userId || item.Mode != ItemMode.Free)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden.", detail: "Only someone else's free items have a waitlist.");
            }

            if (await Blocks.RefusalAsync(scope, userId, item.SellerId!) is { } blocked)
            {
                return Problems.Forbidden(blocked);
            }

            var holder = await scope.Connection.ExecuteScalarAsync<string?>(
                "SELECT buyer_id FROM reservations WHERE item_id = @id AND status IN ('active', 'confirmed')", new { id }, scope.Transaction);
            if (item.Status != ItemStatus.Reserved || holder == userId)
            {
                return Problems.Conflict(holder == userId ? "You hold the reservation." : $"The item is {item.Status}; reserve it instead.");
            }

            if (await scope.Connection.ExecuteAsync(
                "INSERT INTO waitlist (item_id, user_id, joined_at) VALUES (@id, @userId, @now) ON CONFLICT DO NOTHING",
                new { id, userId, now = scope.Now.ToUnixTimeMilliseconds() },
                scope.Transaction) > 0)
            {
                await scope.PublishAsync(new WaitlistJoined(id, userId, scope.Now));
            }

            var position = await WaitlistPositionAsync(scope.Connection, id, userId, scope.Transaction);
            return TypedResults.Created($"/items/{id}/waitlist", new WaitlistResponse(id, position!.Value));
        }, cancellationToken);
    }

    /// <summary>The signed-in person's own place in line, so a client shows "leave" rather than "join" (and where they stand).</summary>
    public static async Task<Results<Ok<WaitlistResponse>, ProblemHttpResult>> GetWaitlistPlace(string id, ClaimsPrincipal user, IEventDatabase database, CancellationToken cancellationToken)
    {
        var userId = user.Id();
        var (found, position) = await database.ReadAsync<(bool Found, int? Position)>(async connection =>
        {
            var item = await ItemStore.FindAsync(connection, id);
            return item is null || ItemVisibility.IsHiddenFrom(item, user)
                ? (false, null)
                : (true, await WaitlistPositionAsync(connection, id, userId));
        }, cancellationToken);
        return !found ? Problems.NotFound("No such item.")
            : position is { } place ? TypedResults.Ok(new WaitlistResponse(id, place))
            : Problems.NotFound("You are not on this item's waitlist.");
    }

    /// <summary>1 for the first in line, in the order the item is offered on (joined_at, then user id); null when not waiting.</summary>
    private static Task<int?> WaitlistPositionAsync(DbConnection connection, string itemId, string userId, DbTransaction? transaction = null) =>
        connection.ExecuteScalarAsync<int?>(
            "SELECT (SELECT COUNT(*) FROM waitlist w WHERE w.item_id = mine.item_id AND (w.joined_at < mine.joined_at OR (w.joined_at = mine.joined_at AND w.user_id <= mine.user_id))) FROM waitlist mine WHERE mine.item_id = @itemId AND mine.user_id = @userId",
            new { itemId, userId },
            transaction);

    public static async Task<NoContent> LeaveWaitlist(string id, ClaimsPrincipal user, IEventDatabase database, CancellationToken cancellationToken)
    {
        var userId = user.Id();
        await database.WriteAsync(async scope =>
        {
            await AggregateLocks.ItemAsync(scope, id);
            var left = await scope.Connection.ExecuteAsync("DELETE FROM waitlist WHERE item_id = @id AND user_id = @userId", new { id, userId }, scope.Transaction) > 0;
            if (left)
            {
                await scope.PublishAsync(new WaitlistLeft(id, userId, scope.Now));
            }

            return left;
        }, cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<ReservationResponse>, ProblemHttpResult>> GetReservation(string id, ClaimsPrincipal user, IEventDatabase database, CancellationToken cancellationToken)
    {
        var userId = user.Id();
        var view = await database.ReadAsync(
            async connection => await ReservationStore.FindAsync(connection, id) is { } reservation && IsParty(reservation, userId)
                ? await ReservationViews.ForReaderAsync(connection, reservation, userId)
                : null,
            cancellationToken);
        return view is null ? NotFound() : TypedResults.Ok(view);
    }

    public static Task<Results<Ok<ReservationResponse>, ProblemHttpResult>> Confirm(
        string id, ClaimsPrincipal user, IEventDatabase database, ReservationStore store, CancellationToken cancellationToken) =>
        ChangeAsync(database, id, user.Id(), async (scope, reservation, userId) =>
        {
            if (ReservationRules.CanConfirm(reservation.Status, reservation.SellerId == userId) is { } refusal)
            {
                return refusal;
            }

            await SetStatusAsync(scope, reservation.Id, ReservationStatus.Confirmed, "confirmed_at");
            await store.CancelExpiryAsync(scope, reservation.Id);
            await scope.PublishAsync(new ReservationConfirmed(reservation.Id, reservation.ItemId, reservation.BuyerId, reservation.SellerId, scope.Now));
            return null;
        }, cancellationToken);

    public static async Task<Results<Ok<ReservationResponse>, ProblemHttpResult, ValidationProblem>> Cancel(
        string id, CancelReservationRequest? request, ClaimsPrincipal user, IEventDatabase database, ReservationStore store,
        IOptions<ReservationsOptions> options, CancellationToken cancellationToken)
    {
        var reason = request?.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > ReasonMaxLength || reason.Any(c => char.IsControl(c) && c != '\n'))
        {
            return Problems.Validation("reason", $"Say why, in 1 to {ReasonMaxLength} characters.");
        }

        var changed = await ChangeAsync(database, id, user.Id(), async (scope, reservation, userId) =>
        {
            if (ReservationRules.CanCancel(reservation.Status, IsParty(reservation, userId)) is { } refusal)
            {
                return refusal;
            }

            await scope.Connection.ExecuteAsync(
                "UPDATE reservations SET status = @status, cancelled_at = @now, cancelled_by = @userId, cancel_reason = @reason WHERE id = @id",
                new { status = ReservationStatus.Cancelled, now = scope.Now.ToUnixTimeMilliseconds(), userId, reason, id = reservation.Id },
                scope.Transaction);
            await store.CancelExpiryAsync(scope, reservation.Id);
            var by = userId == reservation.SellerId ? "seller" : "buyer";
            await scope.PublishAsync(new ReservationCancelled(reservation.Id, reservation.ItemId, reservation.BuyerId, reservation.SellerId, by, reason, scope.Now));
            await store.ReleaseItemAsync(scope, reservation.ItemId, options.Value.Window, options.Value.MaxActivePerUser);
            return null;
        }, cancellationToken);
        return changed.Result switch
        {
            Ok<ReservationResponse> ok => ok,
            ProblemHttpResult problem => problem,
            _ => throw new InvalidOperationException("ChangeAsync returns an Ok or a problem."),
        };
    }

    public static Task<Results<Ok<ReservationResponse>, ProblemHttpResult>> Complete(
        string id, ClaimsPrincipal user, IEventDatabase database, ReservationStore store, CancellationToken cancellationToken) =>
        ChangeAsync(database, id, user.Id(), async (scope, reservation, userId) =>
        {
            if (ReservationRules.CanComplete(reservation.Status, IsParty(reservation, userId)) is { } refusal)
            {
                return refusal;
            }

            if (userId == reservation.BuyerId)
            {
                // The buyer's word alone does not hand the item over; it is recorded for the seller to complete.
                await scope.Connection.ExecuteAsync(
                    "UPDATE reservations SET buyer_completed_at = COALESCE(buyer_completed_at, @now) WHERE id = @id",
                    new { now = scope.Now.ToUnixTimeMilliseconds(), id = reservation.Id },
                    scope.Transaction);
                return null;
            }

            await SetStatusAsync(scope, reservation.Id, ReservationStatus.Completed, "completed_at");
            await store.CancelExpiryAsync(scope, reservation.Id);
            await ReservationStore.SetItemStatusAsync(scope, reservation.ItemId, ItemStatus.PickedUp);
            await scope.Connection.ExecuteAsync(
                "UPDATE users SET completed_pickups = completed_pickups + 1 WHERE id IN (@BuyerId, @SellerId); DELETE FROM waitlist WHERE item_id = @ItemId",
                reservation,
                scope.Transaction);
            await scope.PublishAsync(new ReservationCompleted(reservation.Id, reservation.ItemId, reservation.BuyerId, reservation.SellerId, scope.Now));
            return null;
        }, cancellationToken);

    public static async Task<Ok<List<ReservationResponse>>> Mine(ClaimsPrincipal user, IEventDatabase database, CancellationToken cancellationToken) =>
        TypedResults.Ok(await database.ReadAsync(
            async connection => await ReservationViews.ForReaderAsync(connection, await ReservationStore.ForUserAsync(connection, user.Id(), 200), user.Id()),
            cancellationToken));

    private static async Task<Results<Ok<ReservationResponse>, ProblemHttpResult>> ChangeAsync(
        IEventDatabase database, string id, string userId,
        Func<IWriteScope, ReservationRecord, string, Task<ReservationRefusal?>> change, CancellationToken cancellationToken) =>
        await database.WriteAsync<Results<Ok<ReservationResponse>, ProblemHttpResult>>(async scope =>
        {
            var reservation = await LockedAsync(scope, id);
            if (reservation is null || !IsParty(reservation, userId))
            {
                return NotFound();
            }

            if (await change(scope, reservation, userId) is { } refusal)
            {
                return Refused(refusal);
            }

            return TypedResults.Ok(await ReservationViews.ForReaderAsync(scope.Connection, (await ReservationStore.FindAsync(scope.Connection, id, scope.Transaction))!, userId, scope.Transaction));
        }, cancellationToken);

    /// <summary>The reservation as it stands once its item's lock is held: a change of state may hand the item on.</summary>
    private static async Task<ReservationRecord?> LockedAsync(IWriteScope scope, string id)
    {
        if (await ReservationStore.FindAsync(scope.Connection, id, scope.Transaction) is not { } unlocked)
        {
            return null;
        }

        await AggregateLocks.ItemAsync(scope, unlocked.ItemId);
        return await ReservationStore.FindAsync(scope.Connection, id, scope.Transaction);
    }

    private static Task<int> SetStatusAsync(IWriteScope scope, string id, string status, string stampColumn) =>
        scope.Connection.ExecuteAsync(
            $"UPDATE reservations SET status = @status, {stampColumn} = @now WHERE id = @id",
            new { status, now = scope.Now.ToUnixTimeMilliseconds(), id },
            scope.Transaction);

    private static bool IsParty(ReservationRecord reservation, string userId) => reservation.BuyerId == userId || reservation.SellerId == userId;

    private static ProblemHttpResult NotFound() => Problems.NotFound("No such reservation of yours.");

    public static ProblemHttpResult Refused(ReservationRefusal refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return refusal.Reason switch
        {
            ReservationRefusal.Kind.Forbidden or ReservationRefusal.Kind.NotAllowed => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed.", detail: refusal.Message),
            ReservationRefusal.Kind.Invalid => TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The request is not valid.", detail: refusal.Message),
            _ => Problems.Conflict(refusal.Message),
        };
    }
}

public sealed record CancelReservationRequest(string? Reason);

public sealed record WaitlistResponse(string ItemId, int Position);
