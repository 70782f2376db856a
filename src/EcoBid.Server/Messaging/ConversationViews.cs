using System.Data.Common;
using Dapper;
using EcoBid.Server.Identity;
using EcoBid.Server.Items;

namespace EcoBid.Server.Messaging;

/// <summary>Conversations as their reader sees them: the item, the other party, and the newest saved message.</summary>
public static class ConversationViews
{
    public static async Task<List<ConversationResponse>> ForReaderAsync(
        DbConnection connection, IReadOnlyList<ConversationRecord> conversations, string readerId, DbTransaction? transaction = null)
    {
        ArgumentNullException.ThrowIfNull(conversations);
        var items = await ItemSummary.ForAsync(connection, conversations.Select(c => c.ItemId), transaction);
        var last = new Dictionary<string, MessageRecord>(StringComparer.Ordinal);
        foreach (var conversation in conversations.Where(c => c.LastMessageAt is not null))
        {
            if (await connection.QuerySingleOrDefaultAsync<MessageRecord>(
                $"SELECT {MessageRecord.Columns} FROM messages WHERE conversation_id = @id AND status = 'saved' ORDER BY seq DESC LIMIT 1",
                new { id = conversation.Id },
                transaction) is { } message)
            {
                last[conversation.Id] = message;
            }
        }

        var people = await PersonSummary.ForAsync(
            connection, conversations.Select(c => Other(c, readerId)).Concat(last.Values.Select(m => m.SenderId)), transaction);
        return conversations.Select(c => ConversationResponse.From(c) with
        {
            Item = items.GetValueOrDefault(c.ItemId),
            OtherParty = Other(c, readerId) is { } other ? people.GetValueOrDefault(other) : null,
            LastMessage = last.TryGetValue(c.Id, out var m) ? Summarise(m, people) : null,
        }).ToList();
    }

    public static async Task<ConversationResponse> ForReaderAsync(DbConnection connection, ConversationRecord conversation, string readerId, DbTransaction? transaction = null) =>
        (await ForReaderAsync(connection, [conversation], readerId, transaction))[0];

    private static string? Other(ConversationRecord conversation, string readerId) =>
        conversation.OwnerId == readerId ? conversation.OtherId : conversation.OwnerId;

    private static LastMessage Summarise(MessageRecord message, IReadOnlyDictionary<string, PersonSummary> people) => new(
        message.Id,
        message.SenderId,
        people.GetValueOrDefault(message.SenderId)?.DisplayName ?? "Someone",
        message.Body.Length <= LastMessage.PreviewLength ? message.Body : message.Body[..LastMessage.PreviewLength] + "…",
        DateTimeOffset.FromUnixTimeMilliseconds(message.SavedAt ?? message.CreatedAt));
}
