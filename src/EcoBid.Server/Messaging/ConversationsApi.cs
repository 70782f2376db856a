using System.Security.Claims;
using Dapper;
using EcoBid.Domain.Items;
using EcoBid.Events.Storage;
using EcoBid.Server.Http;
using EcoBid.Server.Identity;
using EcoBid.Server.Items;
using EcoBid.Server.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcoBid.Server.Messaging;

/// <summary>
/// Conversations about items: an item's public questions, and private conversations between its owner and one other
/// person. A private conversation does not exist (404) for anyone but its two participants.
/// </summary>
public static class ConversationsApi
{
    public static IEndpointRouteBuilder MapConversationsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/items/{id}/conversations", Start).ProducesProblem(403).ProducesProblem(404).WithTags("Messages").RequireAuthorization()
            .WithSummary("Opens your private conversation with the item's owner (or the item's public questions); returns the existing one if there is one.");
        var group = routes.MapGroup("/conversations").WithTags("Messages").RequireAuthorization();
        group.MapGet("/", Mine).WithSummary("Your conversations, as owner or as the other side, latest first.");
        group.MapGet("/{id}", Get).ProducesProblem(404).WithSummary("One conversation: public ones to anyone signed in, private ones to their two participants.");
        return routes;
    }

    public static async Task<Results<Created<ConversationResponse>, Ok<ConversationResponse>, ProblemHttpResult, ValidationProblem>> Start(
        string id, StartConversationRequest? request, ClaimsPrincipal user, IEventDatabase database, CancellationToken cancellationToken)
    {
        var visibility = request?.Visibility ?? ConversationRecord.Private;
        if (visibility is not (ConversationRecord.Private or ConversationRecord.Public))
        {
            return Problems.Validation("visibility", "The visibility is private or public.");
        }

        var userId = user.Id();
        return await database.WriteAsync<Results<Created<ConversationResponse>, Ok<ConversationResponse>, ProblemHttpResult, ValidationProblem>>(async scope =>
        {
            await AggregateLocks.ItemAsync(scope, id);
            var item = await ItemStore.FindAsync(scope.Connection, id, scope.Transaction);
            if (item is null || item.Status == ItemStatus.Withdrawn || item.SellerId is null || ItemVisibility.IsHiddenFrom(item, user))
            {
                return Problems.NotFound("No such item.");
            }

            var isPublic = visibility == ConversationRecord.Public;
            if (!isPublic && item.SellerId == userId)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden.", detail: "This is your item: people start private conversations with you.");
            }

            if (!isPublic && await Blocks.BetweenAsync(scope, userId, [item.SellerId]))
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden.", detail: "You cannot write to this person.");
            }

            var existing = await scope.Connection.QuerySingleOrDefaultAsync<ConversationRecord>(
                $"SELECT {ConversationRecord.Columns} FROM conversations WHERE item_id = @itemId AND visibility = @visibility AND (@isPublic = 1 OR other_id = @userId)",
                new { itemId = item.Id, visibility, isPublic = isPublic ? 1 : 0, userId },
                scope.Transaction);
            if (existing is not null)
            {
                return TypedResults.Ok(await ConversationViews.ForReaderAsync(scope.Connection, existing, userId, scope.Transaction));
            }

            var conversation = new ConversationRecord
            {
                Id = Guid.CreateVersion7(scope.Now).ToString(),
                ItemId = item.Id,
                Visibility = visibility,
                OwnerId = item.SellerId,
                OtherId = isPublic ? null : userId,
                CreatedAt = scope.Now.ToUnixTimeMilliseconds(),
            };
            await scope.Connection.ExecuteAsync(
                "INSERT INTO conversations (id, item_id, visibility, owner_id, other_id, created_at) VALUES (@Id, @ItemId, @Visibility, @OwnerId, @OtherId, @CreatedAt)",
                conversation,
                scope.Transaction);
            return TypedResults.Created($"/conversations/{conversation.Id}", await ConversationViews.ForReaderAsync(scope.Connection, conversation, userId, scope.Transaction));
        }, cancellationToken);
    }

    public static async Task<Ok<List<ConversationResponse>>> Mine(ClaimsPrincipal user, IEventDatabase database, CancellationToken cancellationToken)
    {
        var userId = user.Id();
        return TypedResults.Ok(await database.ReadAsync(async db =>
        {
            var rows = (await db.QueryAsync<ConversationRecord>(
                $"""
                SELECT {ConversationRecord.Columns} FROM conversations
                WHERE visibility = 'private' AND (owner_id = @userId OR other_id = @userId)
                ORDER BY COALESCE(last_message_at, created_at) DESC LIMIT 200
                """,
                new { userId })).AsList();
            return await ConversationViews.ForReaderAsync(db, rows, userId);
        }, cancellationToken));
    }

    public static async Task<Results<Ok<ConversationResponse>, ProblemHttpResult>> Get(string id, ClaimsPrincipal user, IEventDatabase database, CancellationToken cancellationToken)
    {
        var userId = user.Id();
        var view = await database.ReadAsync(
            async db => await ConversationStore.FindAsync(db, id) is { } conversation && conversation.CanRead(userId)
                ? await ConversationViews.ForReaderAsync(db, conversation, userId)
                : null,
            cancellationToken);
        return view is null ? Problems.NotFound("No such conversation of yours.") : TypedResults.Ok(view);
    }
}
