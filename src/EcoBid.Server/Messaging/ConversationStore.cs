using System.Data.Common;
using Dapper;
using EcoBid.Events.Storage;
using EcoBid.Server.Events;

namespace EcoBid.Server.Messaging;

/// <summary>Conversation and message queries shared by the endpoints and the message handlers.</summary>
public static class ConversationStore
{
    public const int MaxRecipients = 50;

    public static Task<ConversationRecord?> FindAsync(DbConnection connection, string id, DbTransaction? transaction = null) =>
        connection.QuerySingleOrDefaultAsync<ConversationRecord>($"SELECT {ConversationRecord.Columns} FROM conversations WHERE id = @id", new { id }, transaction);

    public static Task<ConversationRecord?> FindAsync(IWriteScope scope, string id) =>
        scope.QueryFirstPreparedAsync<ConversationRecord>($"SELECT {ConversationRecord.Columns} FROM conversations WHERE id = @id", ("@id", id));

    public static Task<MessageRecord?> FindMessageAsync(IWriteScope scope, string id) =>
        scope.QueryFirstPreparedAsync<MessageRecord>($"SELECT {MessageRecord.Columns} FROM messages WHERE id = @id", ("@id", id));

    public static Task<MessageRecord?> FindMessageAsync(DbConnection connection, string id, DbTransaction? transaction = null) =>
        connection.QuerySingleOrDefaultAsync<MessageRecord>($"SELECT {MessageRecord.Columns} FROM messages WHERE id = @id", new { id }, transaction);

    /// <summary>
    /// Who hears of a new message: in a private conversation the other participant; in an item's questions the owner
    /// and the people who asked there before (up to <see cref="MaxRecipients"/>), never the sender.
    /// </summary>
    public static async Task<IReadOnlyList<string>> RecipientsAsync(DbConnection connection, DbTransaction? transaction, ConversationRecord conversation, string senderId)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var recipients = new List<string> { conversation.OwnerId };
        if (conversation.OtherId is { } other)
        {
            recipients.Add(other);
        }

        if (conversation.IsPublic)
        {
            recipients.AddRange(await connection.QueryAsync<string>(
                "SELECT DISTINCT sender_id FROM messages WHERE conversation_id = @Id AND status = 'saved' LIMIT @max",
                new { conversation.Id, max = MaxRecipients },
                transaction));
        }

        return recipients.Where(r => r != senderId).Distinct(StringComparer.Ordinal).Take(MaxRecipients).ToList();
    }
}
