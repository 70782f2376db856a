namespace EcoBid.Domain.Events;

[DomainEvent(EventSources.Users, "UserRated")]
public sealed record UserRated(string RatingId, string ReservationId, string RaterId, string RatedUserId, int Score, DateTimeOffset RatedAt);

[DomainEvent(EventSources.Messages, "MessageSent")]
public sealed record MessageSent(string MessageId, string ConversationId, string SenderId, IReadOnlyList<string> RecipientIds, DateTimeOffset SentAt);

[DomainEvent(EventSources.Disputes, "DisputeOpened")]
public sealed record DisputeOpened(string DisputeId, string ReservationId, string OpenedBy, string Reason, DateTimeOffset OpenedAt);

[DomainEvent(EventSources.Disputes, "DisputeResolved")]
public sealed record DisputeResolved(string DisputeId, string ReservationId, string Resolution, string ResolvedBy, DateTimeOffset ResolvedAt);
