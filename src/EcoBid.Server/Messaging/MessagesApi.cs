using System.Globalization;
using System.Security.Claims;
using Dapper;
using EcoBid.Domain.Events;
using EcoBid.Events.Storage;
using EcoBid.Server.Events;
using EcoBid.Server.Http;
using EcoBid.Server.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcoBid.Server.Messaging;

/// <summary>
/// Messages, the seeds' asynchronous way: a new message is stored as pending together with its MessageSent event and
/// answered 202 at once; the SaveMessage handler then saves it into the history (MessageSaved) or refuses it
/// (MessageFailed), and both sides hear of it on their live connections.
/// </summary>
public static class MessagesApi
{
    public const int BodyMaxLength = 2000;
    public const int MaxPageSize = 100;

    public static IEndpointRouteBuilder MapMessagesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/conversations/{id}/messages").WithTags("Messages").RequireAuthorization();
        group.MapPost("/", Post).ProducesProblem(403).ProducesProblem(404).WithSummary("Sends a message: 202 with its id, pending; MessageSaved or MessageFailed follows on the live channel.");
        group.MapGet("/", RuntimeBinding.Of(History)).ProducesProblem(404).WithSummary("The conversation's messages, newest first, a page at a time (cursor); your own pending or failed ones included.");
        group.MapGet("/{messageId}", GetOne).ProducesProblem(404).WithSummary("One message, with its status.");
        return routes;
    }

    public static async Task<Results<Accepted<MessageAccepted>, ValidationProblem, ProblemHttpResult>> Post(
        string id, PostMessageRequest request, ClaimsPrincipal user, IEventDatabase database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = request.Body?.Trim();
        if (string.IsNullOrEmpty(body) || body.Length > BodyMaxLength || body.Any(c => char.IsControl(c) && c != '\n'))
        {
            return Problems.Validation("body", $"A message has 1 to {BodyMaxLength} characters.");
        }

        var senderId = user.Id();
        return await database.WriteAsync<Results<Accepted<MessageAccepted>, ValidationProblem, ProblemHttpResult>>(async scope =>
        {
            var conversation = await ConversationStore.FindAsync(scope, id);
            if (conversation is null || !conversation.CanRead(senderId))
            {
                return Problems.NotFound("No such conversation of yours.");
            }

            if (await Blocks.BetweenAsync(scope, senderId, [conversation.OwnerId, conversation.OtherId ?? conversation.OwnerId]))
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden.", detail: "You cannot write to this person.");
            }

            var message = new MessageRecord
            {
                Id = Guid.CreateVersion7(scope.Now).ToString(),
                ConversationId = conversation.Id,
                SenderId = senderId,
                Body = body,
                Status = MessageRecord.Pending,
                CreatedAt = scope.Now.ToUnixTimeMilliseconds(),
            };
            await scope.ExecutePreparedAsync(
                "INSERT INTO messages (id, conversation_id, sender_id, body, status, created_at) VALUES (@id, @conversation, @sender, @body, @status, @at)",
                ("@id", message.Id), ("@conversation", message.ConversationId), ("@sender", message.SenderId), ("@body", message.Body), ("@status", message.Status), ("@at", message.CreatedAt));
            var recipients = await ConversationStore.RecipientsAsync(scope.Connection, scope.Transaction, conversation, senderId);
            await scope.PublishAsync(new MessageSent(message.Id, conversation.Id, senderId, recipients, scope.Now));
            return TypedResults.Accepted($"/conversations/{conversation.Id}/messages/{message.Id}", new MessageAccepted(message.Id, conversation.Id, message.Status));
        }, cancellationToken);
    }

    public static async Task<Results<Ok<CursorPage<MessageResponse>>, ValidationProblem, ProblemHttpResult>> History(
        string id, string? cursor, int? limit, ClaimsPrincipal user, IEventDatabase database, CancellationToken cancellationToken)
    {
        var take = limit ?? 50;
        if (take is < 1 or > MaxPageSize)
        {
            return Problems.Validation("limit", $"The limit is between 1 and {MaxPageSize}.");
        }

        long? before = null;
        if (cursor is not null)
        {
            if (!long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                return Problems.Validation("cursor", "Pass the nextCursor of the previous page.");
            }

            before = parsed;
        }

        var userId = user.Id();
        return await database.ReadAsync<Results<Ok<CursorPage<MessageResponse>>, ValidationProblem, ProblemHttpResult>>(async db =>
        {
            var conversation = await ConversationStore.FindAsync(db, id);
            if (conversation is null || !conversation.CanRead(userId))
            {
                return Problems.NotFound("No such conversation of yours.");
            }

            var rows = (await db.QueryAsync<MessageRecord>(
                $"""
                SELECT {MessageRecord.Columns} FROM messages
                WHERE conversation_id = @id AND (status = 'saved' OR sender_id = @userId) AND (@before IS NULL OR seq < @before)
                ORDER BY seq DESC LIMIT @limit
                """,
                new { id, userId, before, limit = take + 1 })).AsList();
            var page = rows.Take(take).ToList();
            var next = rows.Count > take ? page[^1].Seq.ToString(CultureInfo.InvariantCulture) : null;
            return TypedResults.Ok(new CursorPage<MessageResponse>(page.Select(MessageResponse.From).ToList(), next));
        }, cancellationToken);
    }

    public static async Task<Results<Ok<MessageResponse>, ProblemHttpResult>> GetOne(
        string id, string messageId, ClaimsPrincipal user, IEventDatabase database, CancellationToken cancellationToken)
    {
        var userId = user.Id();
        var (conversation, message) = await database.ReadAsync(async db => (await ConversationStore.FindAsync(db, id), await ConversationStore.FindMessageAsync(db, messageId)), cancellationToken);
        var visible = conversation is not null && message is not null && message.ConversationId == conversation.Id && conversation.CanRead(userId)
            && (message.Status == MessageRecord.Saved || message.SenderId == userId);
        return visible ? TypedResults.Ok(MessageResponse.From(message!)) : Problems.NotFound("No such message.");
    }
}
