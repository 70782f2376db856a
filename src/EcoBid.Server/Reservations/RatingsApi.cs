using System.Security.Claims;
using Dapper;
using EcoBid.Domain.Events;
using EcoBid.Domain.Reservations;
using EcoBid.Events.Storage;
using EcoBid.Events.Timers;
using EcoBid.Server.Events;
using EcoBid.Server.Http;
using EcoBid.Server.Identity;
using EcoBid.Server.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace EcoBid.Server.Reservations;

/// <summary>
/// After a completed pickup each side rates the other once. A rating stays hidden until both have rated or the reveal
/// period has passed, so neither side can answer the other's rating in kind.
/// </summary>
public static class RatingsApi
{
    public const int CommentMaxLength = 1000;

    public static string RevealTimerKey(string reservationId) => $"rating-reveal:{reservationId}";

    public static IEndpointRouteBuilder MapRatingsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/reservations/{id}/ratings", Rate).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).WithTags("Ratings").RequireAuthorization().WithSummary("Rates the other side of a completed pickup (1–5, a comment), once.");
        routes.MapGet("/users/{id}/ratings", ForUser).WithTags("Ratings").WithSummary("The ratings a user has received that are visible.");
        return routes;
    }

    public static async Task<Results<Created<RatingResponse>, ProblemHttpResult, ValidationProblem>> Rate(
        string id, RateRequest request, ClaimsPrincipal user, IEventDatabase database, ITimerStore timers, IOptions<ReservationsOptions> options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var comment = request.Comment?.Trim() ?? string.Empty;
        if (comment.Length > CommentMaxLength || comment.Any(c => char.IsControl(c) && c != '\n'))
        {
            return Problems.Validation("comment", $"A comment has at most {CommentMaxLength} characters.");
        }

        if (request.Score is not { } score || score is < 1 or > 5)
        {
            return Problems.Validation("score", "The score is a whole number from 1 to 5.");
        }

        var raterId = user.Id();
        return await database.WriteAsync<Results<Created<RatingResponse>, ProblemHttpResult, ValidationProblem>>(async scope =>
        {
            // One rating per party is a unique index; the lock makes the second rater see the first, so the pair is revealed.
            await AggregateLocks.ReservationAsync(scope, id);
            var reservation = await ReservationStore.FindAsync(scope.Connection, id, scope.Transaction);
            if (reservation is null || (reservation.BuyerId != raterId && reservation.SellerId != raterId))
            {
                return Problems.NotFound("No such reservation of yours.");
            }

            var already = await scope.Connection.ExecuteScalarAsync<int>(
                "SELECT COUNT(*) FROM ratings WHERE reservation_id = @id AND rater_id = @raterId", new { id, raterId }, scope.Transaction);
            if (ReservationRules.CanRate(reservation.Status, isParty: true, already > 0, score) is { } refusal)
            {
                return ReservationsApi.Refused(refusal);
            }

            var rating = new RatingRow(
                Guid.CreateVersion7(scope.Now).ToString(), id, raterId, raterId == reservation.BuyerId ? reservation.SellerId : reservation.BuyerId,
                score, comment, scope.Now.ToUnixTimeMilliseconds(), null);
            await scope.Connection.ExecuteAsync(
                "INSERT INTO ratings (id, reservation_id, rater_id, rated_user_id, score, comment, created_at) VALUES (@Id, @ReservationId, @RaterId, @RatedUserId, @Score, @Comment, @CreatedAt)",
                rating,
                scope.Transaction);
            if (already == 0 && await scope.Connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM ratings WHERE reservation_id = @id", new { id }, scope.Transaction) == 2)
            {
                await timers.CancelAsync(scope, RevealTimerKey(id));
                await RevealAsync(scope, id);
            }
            else
            {
                var due = DomainEventPublishing.Envelope(new RatingRevealDue(id), scope.Now);
                await timers.ScheduleAsync(scope, new ScheduledTimer(RevealTimerKey(id), scope.Now.Add(options.Value.RatingRevealAfter), due.ToJson()));
            }

            var stored = await scope.Connection.QuerySingleAsync<RatingRow>(
                "SELECT id, reservation_id AS ReservationId, rater_id AS RaterId, rated_user_id AS RatedUserId, score, comment, created_at AS CreatedAt, visible_at AS VisibleAt FROM ratings WHERE id = @Id",
                rating,
                scope.Transaction);
            return TypedResults.Created($"/users/{stored.RatedUserId}/ratings", RatingResponse.From(stored));
        }, cancellationToken);
    }

    public static async Task<Ok<List<RatingResponse>>> ForUser(string id, IEventDatabase database, CancellationToken cancellationToken) =>
        TypedResults.Ok((await database.ReadAsync(connection => connection.QueryAsync<RatingRow>(
            "SELECT id, reservation_id AS ReservationId, rater_id AS RaterId, rated_user_id AS RatedUserId, score, comment, created_at AS CreatedAt, visible_at AS VisibleAt FROM ratings WHERE rated_user_id = @id AND visible_at IS NOT NULL ORDER BY visible_at DESC LIMIT 200",
            new { id }), cancellationToken)).Select(RatingResponse.From).ToList());

    /// <summary>Makes the pickup's hidden ratings visible, each with its UserRated event.</summary>
    public static async Task RevealAsync(IWriteScope scope, string reservationId)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var hidden = await scope.Connection.QueryAsync<RatingRow>(
            "UPDATE ratings SET visible_at = @now WHERE reservation_id = @reservationId AND visible_at IS NULL RETURNING id, reservation_id AS ReservationId, rater_id AS RaterId, rated_user_id AS RatedUserId, score, comment, created_at AS CreatedAt, visible_at AS VisibleAt",
            new { now = scope.Now.ToUnixTimeMilliseconds(), reservationId },
            scope.Transaction);
        foreach (var rating in hidden)
        {
            await scope.PublishAsync(new UserRated(rating.Id, rating.ReservationId, rating.RaterId, rating.RatedUserId, (int)rating.Score, scope.Now));
        }
    }
}

public sealed record RateRequest(int? Score, string? Comment);

public sealed record RatingRow(string Id, string ReservationId, string RaterId, string RatedUserId, long Score, string Comment, long CreatedAt, long? VisibleAt);

public sealed record RatingResponse(string Id, string ReservationId, string RaterId, string RatedUserId, int Score, string Comment, DateTimeOffset CreatedAt, bool Visible)
{
    public static RatingResponse From(RatingRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new(row.Id, row.ReservationId, row.RaterId, row.RatedUserId, (int)row.Score, row.Comment, DateTimeOffset.FromUnixTimeMilliseconds(row.CreatedAt), row.VisibleAt is not null);
    }
}
