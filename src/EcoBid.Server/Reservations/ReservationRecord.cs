namespace EcoBid.Server.Reservations;

public sealed record ReservationRecord
{
    public required string Id { get; init; }
    public required string ItemId { get; init; }
    public required string BuyerId { get; init; }
    public required string SellerId { get; init; }
    public required string Status { get; init; }
    public long ReservedAt { get; init; }
    public long ExpiresAt { get; init; }
    public long? ConfirmedAt { get; init; }
    public long? BuyerCompletedAt { get; init; }
    public long? CompletedAt { get; init; }
    public long? CancelledAt { get; init; }
    public string? CancelledBy { get; init; }
    public string? CancelReason { get; init; }
    public long? ExpiredAt { get; init; }
    public string Origin { get; init; } = Domain.Reservations.ReservationOrigin.Reserve;
    public long? NotifiedAt { get; init; }
}
