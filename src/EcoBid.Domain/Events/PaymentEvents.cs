namespace EcoBid.Domain.Events;

[DomainEvent(EventSources.Payments, "PaymentAuthorized")]
public sealed record PaymentAuthorized(string PaymentId, string AuctionId, string PayerId, long Amount, string Currency, DateTimeOffset AuthorizedAt);

[DomainEvent(EventSources.Payments, "PaymentCaptured")]
public sealed record PaymentCaptured(string PaymentId, string AuctionId, long Amount, string Currency, DateTimeOffset CapturedAt);

[DomainEvent(EventSources.Payments, "PaymentFailed")]
public sealed record PaymentFailed(string PaymentId, string AuctionId, string Reason, DateTimeOffset FailedAt);

[DomainEvent(EventSources.Payments, "PaymentRefunded")]
public sealed record PaymentRefunded(string PaymentId, string AuctionId, long Amount, string Currency, DateTimeOffset RefundedAt);
