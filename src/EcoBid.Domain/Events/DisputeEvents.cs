namespace EcoBid.Domain.Events;

/// <summary>
/// A party opened a dispute on a reservation. <c>OpenedBy</c> is <c>buyer</c> or <c>seller</c>; <c>Type</c> is
/// <c>no_show</c>, <c>not_as_described</c>, <c>item_not_received</c> or <c>other</c>. The DisputeResolution state
/// machine starts with this event as its input.
/// </summary>
[DomainEvent(EventSources.Disputes, "DisputeOpened")]
public sealed record DisputeOpened(string DisputeId, string ReservationId, string BuyerId, string SellerId, string OpenedBy, string Type, DateTimeOffset OpenedAt, DateTimeOffset RespondBy, DateTimeOffset ExpiresAt);

/// <summary>
/// <c>Outcome</c> is <c>buyer</c>, <c>seller</c>, <c>dismissed</c> or <c>expired</c>; <c>ResolvedBy</c> is
/// <c>automatic</c>, <c>admin</c> or <c>timeout</c>. <c>NoShowRecorded</c>: a seller's no_show claim decided for the
/// seller added a no-show to the buyer's profile with this resolution (false when the reservation already had one).
/// </summary>
[DomainEvent(EventSources.Disputes, "DisputeResolved")]
public sealed record DisputeResolved(string DisputeId, string ReservationId, string BuyerId, string SellerId, string Outcome, string ResolvedBy, DateTimeOffset ResolvedAt, bool NoShowRecorded = false);
