namespace EcoBid.Server.Observability.Business;

/// <summary>
/// The marketplace in one hour (UTC, starting at <see cref="Hour"/>). Counts are events of the hour; each rate divides
/// two counts of the same hour and is <c>null</c> when nothing was there to divide by:
/// <see cref="ReservationRate"/> = reservations of free items (not auction pickups) / free items posted;
/// <see cref="CompletionRate"/> = completed / closed reservations (completed, cancelled or expired);
/// <see cref="NoShowRate"/> = expired as a no-show / closed; <see cref="SellThrough"/> = auctions sold / ended.
/// <see cref="UsersTotal"/> counts accounts created before the hour ended.
/// </summary>
public sealed record BusinessHour(
    DateTimeOffset Hour,
    long ItemsPosted,
    long FreeItemsPosted,
    long Reservations,
    double? ReservationRate,
    long ReservationsCompleted,
    long ReservationsClosed,
    double? CompletionRate,
    long NoShows,
    double? NoShowRate,
    long AuctionsEnded,
    long AuctionsSold,
    double? SellThrough,
    long UsersRegistered,
    long UsersTotal);
