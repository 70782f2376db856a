namespace EcoBid.Server.Reservations;

public sealed record ReservationResponse(
    string Id, string ItemId, string BuyerId, string SellerId, string Status, DateTimeOffset ReservedAt, DateTimeOffset ExpiresAt,
    DateTimeOffset? ConfirmedAt, DateTimeOffset? CompletedAt, bool BuyerConfirmedPickup, DateTimeOffset? CancelledAt, string? CancelledBy, string? CancelReason)
{
    public static ReservationResponse From(ReservationRecord r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(
            r.Id, r.ItemId, r.BuyerId, r.SellerId, r.Status, Time(r.ReservedAt), Time(r.ExpiresAt), Maybe(r.ConfirmedAt), Maybe(r.CompletedAt),
            r.BuyerCompletedAt is not null, Maybe(r.CancelledAt), r.CancelledBy, r.CancelReason);
    }

    private static DateTimeOffset Time(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    private static DateTimeOffset? Maybe(long? ms) => ms is { } value ? Time(value) : null;
}
