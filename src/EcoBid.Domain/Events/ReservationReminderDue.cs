namespace EcoBid.Domain.Events;

/// <summary>The reminder timer's event: the buyer's reservation runs out soon, unless it was confirmed, cancelled or completed meanwhile.</summary>
[DomainEvent(EventSources.Reservations, "ReservationReminderDue")]
public sealed record ReservationReminderDue(string ReservationId, DateTimeOffset ExpiresAt);
