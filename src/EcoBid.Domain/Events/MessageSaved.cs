namespace EcoBid.Domain.Events;

/// <summary>
/// A message accepted by <c>POST /conversations/{id}/messages</c> (its MessageSent) was checked and stored: it is now
/// part of the conversation's history. The body is not in the event: the archive keeps events far longer than a
/// deleted conversation should be readable.
/// </summary>
[DomainEvent(EventSources.Messages, "MessageSaved")]
public sealed record MessageSaved(string MessageId, string ConversationId, string SenderId, IReadOnlyList<string> RecipientIds, DateTimeOffset SavedAt);
