using System.Security.Claims;
using Dapper;
using EcoBid.Events.Storage;
using EcoBid.Server.Http;
using EcoBid.Server.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcoBid.Server.Messaging;

/// <summary>Blocking: after it, neither side can message the other, in private or in the blocker's items' questions.</summary>
public static class BlocksApi
{
    public static IEndpointRouteBuilder MapBlocksApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/users").WithTags("Messages").RequireAuthorization();
        group.MapPost("/{id}/block", Block).ProducesProblem(404).WithSummary("Blocks a person: no messages either way.");
        group.MapDelete("/{id}/block", Unblock).WithSummary("Lifts your block.");
        group.MapGet("/me/blocks", Mine).WithSummary("The people you blocked.");
        return routes;
    }

    public static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> Block(string id, ClaimsPrincipal user, IEventDatabase database, CancellationToken cancellationToken)
    {
        var userId = user.Id();
        if (id == userId)
        {
            return Problems.Validation("id", "You cannot block yourself.");
        }

        return await database.WriteAsync<Results<NoContent, ProblemHttpResult, ValidationProblem>>(async scope =>
        {
            if (!await scope.Connection.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM users WHERE id = @id)", new { id }, scope.Transaction))
            {
                return Problems.NotFound("No such user.");
            }

            await scope.Connection.ExecuteAsync(
                "INSERT INTO user_blocks (blocker_id, blocked_id, created_at) VALUES (@userId, @id, @now) ON CONFLICT DO NOTHING",
                new { userId, id, now = scope.Now.ToUnixTimeMilliseconds() },
                scope.Transaction);
            return TypedResults.NoContent();
        }, cancellationToken);
    }

    public static async Task<NoContent> Unblock(string id, ClaimsPrincipal user, IEventDatabase database, CancellationToken cancellationToken)
    {
        await database.WriteAsync(scope => scope.Connection.ExecuteAsync(
            "DELETE FROM user_blocks WHERE blocker_id = @userId AND blocked_id = @id", new { userId = user.Id(), id }, scope.Transaction), cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<List<BlockedPerson>>> Mine(ClaimsPrincipal user, IEventDatabase database, CancellationToken cancellationToken) =>
        TypedResults.Ok((await database.ReadAsync(db => db.QueryAsync<BlockedPerson>(
            """
            SELECT b.blocked_id AS UserId, COALESCE(u.display_name, 'Someone') AS DisplayName, b.created_at AS BlockedAtMs
            FROM user_blocks b LEFT JOIN users u ON u.id = b.blocked_id
            WHERE b.blocker_id = @userId ORDER BY b.created_at
            """,
            new { userId = user.Id() }), cancellationToken)).ToList());
}
