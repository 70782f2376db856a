namespace EcoBid.Domain.Events;

[DomainEvent(EventSources.Users, "UserRated")]
public sealed record UserRated(string RatingId, string ReservationId, string RaterId, string RatedUserId, int Score, DateTimeOffset RatedAt);

[DomainEvent(EventSources.Messages, "MessageSent")]
public sealed record MessageSent(string MessageId, string ConversationId, string SenderId, IReadOnlyList<string> RecipientIds, DateTimeOffset SentAt);

[DomainEvent(EventSources.Users, "UserRegistered")]
public sealed record UserRegistered(string UserId, string DisplayName, DateTimeOffset RegisteredAt);

[DomainEvent(EventSources.Users, "UserVerified")]
public sealed record UserVerified(string UserId, DateTimeOffset VerifiedAt);

[DomainEvent(EventSources.Users, "UserProfileUpdated")]
public sealed record UserProfileUpdated(string UserId, IReadOnlyList<string> ChangedFields, DateTimeOffset UpdatedAt);

/// <summary>Someone asked to reset the account's password; the handler sends the reset link (the token never enters an event).</summary>
/// <summary>Someone asked for a new verification link for an account that is not verified yet.</summary>
[DomainEvent(EventSources.Users, "VerificationEmailRequested")]
public sealed record VerificationEmailRequested(string UserId, DateTimeOffset RequestedAt);

[DomainEvent(EventSources.Users, "PasswordResetRequested")]
public sealed record PasswordResetRequested(string UserId, DateTimeOffset RequestedAt);

/// <summary>The rating-reveal timer's event: 7 days after the first rating of a pickup, hidden ratings show.</summary>
[DomainEvent(EventSources.Users, "RatingRevealDue")]
public sealed record RatingRevealDue(string ReservationId);
