namespace EcoBid.Domain.Events;

/// <summary>
/// <c>Origin</c> says how it came about: <c>reserve</c> (the buyer reserved), <c>waitlist</c> (the buyer was next in line:
/// they are told, and their window starts then), or <c>auction</c> (the pickup of a won auction).
/// </summary>
[DomainEvent(EventSources.Reservations, "ReservationCreated")]
public sealed record ReservationCreated(string ReservationId, string ItemId, string BuyerId, string SellerId, DateTimeOffset ReservedAt, DateTimeOffset ExpiresAt, string Origin = "reserve");

[DomainEvent(EventSources.Reservations, "ReservationConfirmed")]
public sealed record ReservationConfirmed(string ReservationId, string ItemId, string BuyerId, string SellerId, DateTimeOffset ConfirmedAt);

[DomainEvent(EventSources.Reservations, "ReservationCompleted")]
public sealed record ReservationCompleted(string ReservationId, string ItemId, string BuyerId, string SellerId, DateTimeOffset CompletedAt);

[DomainEvent(EventSources.Reservations, "ReservationCancelled")]
public sealed record ReservationCancelled(string ReservationId, string ItemId, string BuyerId, string SellerId, string CancelledBy, string Reason, DateTimeOffset CancelledAt);

/// <summary><c>NoShow</c> is false only when the buyer was never told of a reservation the waitlist gave them.</summary>
[DomainEvent(EventSources.Reservations, "ReservationExpired")]
public sealed record ReservationExpired(string ReservationId, string ItemId, string BuyerId, string SellerId, DateTimeOffset ExpiredAt, bool NoShow = true);

/// <summary>The reservation-expiry timer's event: the buyer's window is over, unless the seller confirmed in time.</summary>
[DomainEvent(EventSources.Reservations, "ReservationExpiryDue")]
public sealed record ReservationExpiryDue(string ReservationId, DateTimeOffset ExpiresAt);

/// <summary>Someone joined a reserved item's waitlist: the places behind them stay, the page of everyone in line shows the new length.</summary>
[DomainEvent(EventSources.Reservations, "WaitlistJoined")]
public sealed record WaitlistJoined(string ItemId, string UserId, DateTimeOffset JoinedAt);

/// <summary>Someone left a waitlist of their own accord: everyone behind them moves up one place.</summary>
[DomainEvent(EventSources.Reservations, "WaitlistLeft")]
public sealed record WaitlistLeft(string ItemId, string UserId, DateTimeOffset LeftAt);
