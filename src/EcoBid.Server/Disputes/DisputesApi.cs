using System.Security.Claims;
using System.Text.Json.Nodes;
using Dapper;
using EcoBid.Events.Storage;
using EcoBid.Server.Http;
using EcoBid.Server.Identity;
using EcoBid.Server.Reservations;
using EcoBid.Server.Storage;
using EcoBid.Server.Workflows.Contract;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcoBid.Server.Disputes;

/// <summary>
/// Disputes on a reservation: either party opens one, the other answers, an admin decides what the
/// DisputeResolution state machine could not. Disputes are visible to the reservation's parties and to admins only.
/// </summary>
public static class DisputesApi
{
    public const int TextMaxLength = 2000;

    public static IEndpointRouteBuilder MapDisputesApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/reservations/{id}/disputes", Open).WithTags("Disputes").RequireAuthorization()
            .ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409).WithSummary("The buyer or seller opens a dispute on the reservation.");
        var disputes = routes.MapGroup("/disputes/{id}").WithTags("Disputes").RequireAuthorization();
        disputes.MapGet("/", Get).ProducesProblem(404).WithSummary("A dispute, for its parties and admins.");
        disputes.MapPost("/response", Answer).ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409).WithSummary("The other party answers, accepting the claim or not.");
        var admin = routes.MapGroup("/admin/disputes").WithTags("Disputes").RequireAuthorization(CurrentUser.AdminPolicy);
        admin.MapGet("/", List).ProducesValidationProblem().WithSummary("Disputes, newest first, optionally by status.");
        admin.MapPost("/{id}/resolve", Resolve).ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409).WithSummary("An admin decides an escalated dispute.");
        return routes;
    }

    public static async Task<Results<Created<DisputeResponse>, ValidationProblem, ProblemHttpResult>> Open(
        string id, OpenDisputeRequest request, ClaimsPrincipal user, IEventDatabase database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var userId = user.Id();
        return await database.WriteAsync<Results<Created<DisputeResponse>, ValidationProblem, ProblemHttpResult>>(async scope =>
        {
            // One unresolved dispute per reservation: a second opener waits and then sees the first.
            await AggregateLocks.ReservationAsync(scope, id);
            var reservation = await ReservationStore.FindAsync(scope.Connection, id, scope.Transaction);
            if (reservation is null || (reservation.BuyerId != userId && reservation.SellerId != userId))
            {
                return Problems.NotFound("No such reservation.");
            }

            if (request.Type is null || !DisputeRoles.Types.Contains(request.Type))
            {
                return Problems.Validation("type", $"Must be one of {string.Join(", ", DisputeRoles.Types.Order(StringComparer.Ordinal))}.");
            }

            if (TextProblem(request.Text) is { } problem)
            {
                return Problems.Validation("text", problem);
            }

            if (await DisputeStore.HasOpenAsync(scope, reservation.Id))
            {
                return Problems.Conflict("A dispute is already open on this reservation.");
            }

            var role = reservation.BuyerId == userId ? DisputeRoles.Buyer : DisputeRoles.Seller;
            var dispute = await DisputeStore.OpenAsync(scope, reservation.Id, reservation.BuyerId, reservation.SellerId, role, request.Type, request.Text!.Trim());
            return TypedResults.Created($"/disputes/{dispute.Id}", DisputeResponse.From(dispute));
        }, cancellationToken);
    }

    public static async Task<Results<Ok<DisputeResponse>, ProblemHttpResult>> Get(string id, ClaimsPrincipal user, IEventDatabase database, CancellationToken cancellationToken)
    {
        var dispute = await database.ReadAsync(c => DisputeStore.FindAsync(c, id), cancellationToken);
        return dispute is null || !CanSee(dispute, user) ? Problems.NotFound("No such dispute.") : TypedResults.Ok(DisputeResponse.From(dispute));
    }

    public static async Task<Results<Ok<IReadOnlyList<DisputeResponse>>, ValidationProblem>> List(string? status, IEventDatabase database, CancellationToken cancellationToken)
    {
        status = string.IsNullOrEmpty(status) ? null : status;
        if (status is not null && !DisputeRoles.Statuses.Contains(status))
        {
            return Problems.Validation("status", $"Must be one of {string.Join(", ", DisputeRoles.Statuses)}, or left out for all.");
        }

        var rows = await database.ReadAsync(c => DisputeStore.ListAsync(c, status, 200), cancellationToken);
        return TypedResults.Ok<IReadOnlyList<DisputeResponse>>([.. rows.Select(DisputeResponse.From)]);
    }

    /// <summary>
    /// Records the answer and completes the waiting task in one transaction: of two answers at once, or an answer and
    /// the 24 h timeout, exactly one wins and the other gets a 409 without having changed anything.
    /// </summary>
    public static async Task<Results<Ok<DisputeResponse>, ValidationProblem, ProblemHttpResult>> Answer(
        string id, DisputeAnswerRequest request, ClaimsPrincipal user, IEventDatabase database, IWorkflowService workflows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(workflows);
        var userId = user.Id();
        var dispute = await database.ReadAsync(c => DisputeStore.FindAsync(c, id), cancellationToken);
        if (dispute is null || !CanSee(dispute, user))
        {
            return Problems.NotFound("No such dispute.");
        }

        if (dispute.OtherPartyId != userId)
        {
            return Problems.Forbidden("Only the other party answers a dispute.");
        }

        if (TextProblem(request.Text) is { } problem)
        {
            return Problems.Validation("text", problem);
        }

        if (request.Accept is not { } accept)
        {
            return Problems.Validation("accept", "Required: true to accept the claim, false to contest it.");
        }

        var text = request.Text!.Trim();
        var output = new JsonObject { ["answered"] = true, ["accept"] = accept }.ToJsonString();
        try
        {
            var refusal = await database.WriteAsync<string?>(async scope =>
            {
                await AggregateLocks.DisputeAsync(scope, id);
                var current = await DisputeStore.FindAsync(scope.Connection, id, scope.Transaction);
                if (current is { ResponseAccept: not null })
                {
                    return "The dispute was already answered.";
                }

                if (current is { Status: DisputeRoles.Open, ResponseToken: null } && scope.Now.ToUnixTimeMilliseconds() < current.RespondBy)
                {
                    // The state machine has not reached its callback task yet: moments after the dispute was opened.
                    return "The dispute is not ready for an answer yet; send it again in a moment.";
                }

                if (current is not { Status: DisputeRoles.Open, ResponseToken: { } token })
                {
                    return "The dispute is no longer waiting for an answer: its 24 h passed.";
                }

                // The execution's turn before the dispute's row: the dispute's tasks take them in that order.
                await workflows.TakeTurnOfTaskAsync(scope, token);
                await scope.Connection.ExecuteAsync(
                    "UPDATE disputes SET response_text = @text, response_accept = @accept WHERE id = @id", new { text, accept = accept ? 1 : 0, id }, scope.Transaction);
                await workflows.SendTaskSuccessAsync(scope, token, output);
                return null;
            }, cancellationToken);
            if (refusal is not null)
            {
                return NotAwaited(refusal, null);
            }
        }
        catch (WorkflowException ex) when (ex.Code is WorkflowErrors.TaskDoesNotExist or WorkflowErrors.TaskTimedOut or WorkflowErrors.InvalidToken)
        {
            return NotAwaited(ex.Code == WorkflowErrors.TaskTimedOut
                ? "The dispute is no longer waiting for an answer: its 24 h passed."
                : "The dispute is no longer waiting for an answer.", ex.Code);
        }

        var updated = await database.ReadAsync(c => DisputeStore.FindAsync(c, id), cancellationToken);
        return TypedResults.Ok(DisputeResponse.From(updated!));
    }

    /// <summary>The admin's decision completes the waiting task in one transaction, so two decisions at once give one 200 and one 409.</summary>
    public static async Task<Results<Ok<DisputeResponse>, ValidationProblem, ProblemHttpResult>> Resolve(
        string id, ResolveDisputeRequest request, IEventDatabase database, IWorkflowService workflows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(workflows);
        var dispute = await database.ReadAsync(c => DisputeStore.FindAsync(c, id), cancellationToken);
        if (dispute is null)
        {
            return Problems.NotFound("No such dispute.");
        }

        if (request.Outcome is null || !DisputeRoles.AdminOutcomes.Contains(request.Outcome))
        {
            return Problems.Validation("outcome", "Must be buyer, seller or dismissed.");
        }

        if (request.Note is { Length: > TextMaxLength })
        {
            return Problems.Validation("note", $"At most {TextMaxLength} characters.");
        }

        var output = new JsonObject { ["outcome"] = request.Outcome, ["note"] = request.Note?.Trim() }.ToJsonString();
        try
        {
            var refusal = await database.WriteAsync<string?>(async scope =>
            {
                await AggregateLocks.DisputeAsync(scope, id);
                var current = await DisputeStore.FindAsync(scope.Connection, id, scope.Transaction);
                if (current is { Status: DisputeRoles.Resolved })
                {
                    return $"The dispute is already resolved ({current.Outcome}, {current.ResolvedBy}).";
                }

                if (current is not { Status: DisputeRoles.AwaitingAdmin, AdminToken: { } token })
                {
                    return "The dispute is not waiting for an admin: it is still waiting for the other party's answer.";
                }

                await workflows.SendTaskSuccessAsync(scope, token, output);
                return null;
            }, cancellationToken);
            if (refusal is not null)
            {
                return NotAwaited(refusal, null);
            }
        }
        catch (WorkflowException ex) when (ex.Code is WorkflowErrors.TaskDoesNotExist or WorkflowErrors.TaskTimedOut or WorkflowErrors.InvalidToken)
        {
            return NotAwaited(ex.Code == WorkflowErrors.TaskTimedOut
                ? "The dispute is no longer waiting for an admin: its 7 days passed."
                : "The dispute is no longer waiting for an admin.", ex.Code);
        }

        var updated = await database.ReadAsync(c => DisputeStore.FindAsync(c, id), cancellationToken);
        return TypedResults.Ok(DisputeResponse.From(updated!));
    }

    /// <summary>A 409 for a dispute that moved on; <c>code</c> names the workflow's refusal when the race was lost there.</summary>
    private static ProblemHttpResult NotAwaited(string detail, string? code) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict,
        title: "Conflict.",
        detail: code is null ? detail : $"{detail} ({code})",
        extensions: code is null ? null : new Dictionary<string, object?> { ["code"] = code });

    private static bool CanSee(DisputeRecord dispute, ClaimsPrincipal user) =>
        user.IsAdmin() || dispute.BuyerId == user.Id() || dispute.SellerId == user.Id();

    private static string? TextProblem(string? text) => string.IsNullOrWhiteSpace(text)
        ? "Required."
        : text.Trim().Length > TextMaxLength ? $"At most {TextMaxLength} characters." : null;
}
