using System.Text.Json;

namespace EcoBid.Web.Services.Models;

public sealed record Conversation(
    string Id, string ItemId, string Visibility, string OwnerId, string? OtherId, DateTimeOffset CreatedAt, DateTimeOffset? LastMessageAt,
    string? ItemTitle, string? OtherDisplayName);

public sealed record Message(string Id, string ConversationId, string SenderId, string Body, string Status, string? Failure, DateTimeOffset CreatedAt);

public sealed record MessagePage(IReadOnlyList<Message> Items, string? NextCursor);

public sealed record MessageAccepted(string Id, string ConversationId, string Status);

public sealed record Notification(long Id, string Kind, string Title, string Body, JsonElement Data, DateTimeOffset CreatedAt, bool Read);

public sealed record NotificationPage(IReadOnlyList<Notification> Items, string? NextCursor);

public sealed record UnreadCount(int Count);

