namespace EcoBid.Server.Reservations;

public sealed record ReservationResponse(
    string Id, string ItemId, string BuyerId, string SellerId, string Status, DateTimeOffset ReservedAt, DateTimeOffset ExpiresAt,
    DateTimeOffset? ConfirmedAt, DateTimeOffset? CompletedAt, bool BuyerConfirmedPickup, DateTimeOffset? CancelledAt, string? CancelledBy, string? CancelReason,
    string Origin)
{
    /// <summary>The item's title and thumbnail, so a list of reservations needs no call per item.</summary>
    public Items.ItemSummary? Item { get; init; }

    /// <summary>The other side, from the reader's point of view: the seller to the buyer, the buyer to the seller.</summary>
    public Identity.PersonSummary? OtherParty { get; init; }

    /// <summary>The reader's side: <c>buyer</c> or <c>seller</c>.</summary>
    public string? YourRole { get; init; }

    public static ReservationResponse From(ReservationRecord r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(
            r.Id, r.ItemId, r.BuyerId, r.SellerId, r.Status, Time(r.ReservedAt), Time(r.ExpiresAt), Maybe(r.ConfirmedAt), Maybe(r.CompletedAt),
            r.BuyerCompletedAt is not null, Maybe(r.CancelledAt), r.CancelledBy, r.CancelReason, r.Origin);
    }

    private static DateTimeOffset Time(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    private static DateTimeOffset? Maybe(long? ms) => ms is { } value ? Time(value) : null;
}
