namespace EcoBid.Domain.Events;

/// <summary>A message accepted for sending was refused when it was saved (a block, a closed conversation); only its sender learns why.</summary>
[DomainEvent(EventSources.Messages, "MessageFailed")]
public sealed record MessageFailed(string MessageId, string ConversationId, string SenderId, string Reason, DateTimeOffset FailedAt);
