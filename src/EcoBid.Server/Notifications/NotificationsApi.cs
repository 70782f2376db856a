using System.Globalization;
using System.Security.Claims;
using Dapper;
using EcoBid.Events.Storage;
using EcoBid.Server.Http;
using EcoBid.Server.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcoBid.Server.Notifications;

/// <summary>The inbox: your notifications, newest first by keyset cursor; read marks; the unread count. Only your own (others' are 404).</summary>
public static class NotificationsApi
{
    public const int MaxPageSize = 100;

    public static IEndpointRouteBuilder MapNotificationsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/notifications").WithTags("Notifications").RequireAuthorization();
        group.MapGet("/", RuntimeBinding.Of(List)).WithSummary("Your inbox, newest first; pass nextCursor as cursor for the next page.");
        group.MapGet("/unread-count", UnreadCount).WithSummary("How many of your inbox notifications are unread.");
        group.MapPost("/{id}/read", MarkRead).ProducesProblem(404).WithSummary("Marks one of your notifications read.");
        group.MapPost("/read-all", MarkAllRead).WithSummary("Marks all your notifications read.");
        routes.MapGet("/notification-kinds", Kinds).WithTags("Notifications").WithSummary("The notification kinds and their default channels.");
        return routes;
    }

    public static async Task<Results<Ok<CursorPage<NotificationResponse>>, ValidationProblem>> List(
        string? cursor, int? limit, ClaimsPrincipal user, IEventDatabase database, CancellationToken cancellationToken)
    {
        var take = limit ?? 20;
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

        var rows = (await database.ReadAsync(db => db.QueryAsync<NotificationRecord>(
            $"""
            SELECT {NotificationRecord.Columns} FROM notifications
            WHERE user_id = @userId AND in_inbox = 1 AND (@before IS NULL OR id < @before)
            ORDER BY id DESC LIMIT @limit
            """,
            new { userId = user.Id(), before, limit = take + 1 }), cancellationToken)).AsList();
        var page = rows.Take(take).ToList();
        var next = rows.Count > take ? page[^1].Id.ToString(CultureInfo.InvariantCulture) : null;
        return TypedResults.Ok(new CursorPage<NotificationResponse>(page.Select(NotificationResponse.From).ToList(), next));
    }

    public static async Task<Ok<UnreadCount>> UnreadCount(ClaimsPrincipal user, IEventDatabase database, CancellationToken cancellationToken) =>
        TypedResults.Ok(new UnreadCount(await database.ReadAsync(db => db.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM notifications WHERE user_id = @userId AND in_inbox = 1 AND read_at IS NULL", new { userId = user.Id() }), cancellationToken)));

    public static async Task<Results<NoContent, ProblemHttpResult>> MarkRead(long id, ClaimsPrincipal user, IEventDatabase database, CancellationToken cancellationToken)
    {
        var userId = user.Id();
        var found = await database.WriteAsync(scope => scope.Connection.ExecuteAsync(
            "UPDATE notifications SET read_at = COALESCE(read_at, @now) WHERE id = @id AND user_id = @userId",
            new { id, userId, now = scope.Now.ToUnixTimeMilliseconds() },
            scope.Transaction), cancellationToken);
        return found == 1 ? TypedResults.NoContent() : Problems.NotFound("No such notification of yours.");
    }

    public static async Task<Ok<MarkedRead>> MarkAllRead(ClaimsPrincipal user, IEventDatabase database, CancellationToken cancellationToken)
    {
        var userId = user.Id();
        var marked = await database.WriteAsync(scope => scope.Connection.ExecuteAsync(
            "UPDATE notifications SET read_at = @now WHERE user_id = @userId AND read_at IS NULL",
            new { userId, now = scope.Now.ToUnixTimeMilliseconds() },
            scope.Transaction), cancellationToken);
        return TypedResults.Ok(new MarkedRead(marked));
    }

    public static Ok<IReadOnlyDictionary<string, IReadOnlyList<string>>> Kinds() => TypedResults.Ok(NotificationKinds.Defaults);
}
