namespace EcoBid.Domain.Events;

[DomainEvent(EventSources.Reservations, "ReservationCreated")]
public sealed record ReservationCreated(string ReservationId, string ItemId, string BuyerId, string SellerId, DateTimeOffset ReservedAt, DateTimeOffset ExpiresAt);

[DomainEvent(EventSources.Reservations, "ReservationConfirmed")]
public sealed record ReservationConfirmed(string ReservationId, string ItemId, string BuyerId, string SellerId, DateTimeOffset ConfirmedAt);

[DomainEvent(EventSources.Reservations, "ReservationCompleted")]
public sealed record ReservationCompleted(string ReservationId, string ItemId, string BuyerId, string SellerId, DateTimeOffset CompletedAt);

[DomainEvent(EventSources.Reservations, "ReservationCancelled")]
public sealed record ReservationCancelled(string ReservationId, string ItemId, string BuyerId, string SellerId, string CancelledBy, string Reason, DateTimeOffset CancelledAt);

[DomainEvent(EventSources.Reservations, "ReservationExpired")]
public sealed record ReservationExpired(string ReservationId, string ItemId, string BuyerId, string SellerId, DateTimeOffset ExpiredAt);

/// <summary>The reservation-expiry timer's event: the buyer's window is over, unless the seller confirmed in time.</summary>
[DomainEvent(EventSources.Reservations, "ReservationExpiryDue")]
public sealed record ReservationExpiryDue(string ReservationId, DateTimeOffset ExpiresAt);
