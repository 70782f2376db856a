namespace EcoBid.Web.Services.Models;

/// <summary>A reservation; the item's title and the other person's name arrive with issue 10 and may be absent before.</summary>
public sealed record Reservation(
    string Id, string ItemId, string BuyerId, string SellerId, string Status, DateTimeOffset ReservedAt, DateTimeOffset ExpiresAt,
    DateTimeOffset? ConfirmedAt, DateTimeOffset? CompletedAt, bool BuyerConfirmedPickup, DateTimeOffset? CancelledAt, string? CancelReason,
    string? ItemTitle, string? OtherDisplayName);

public sealed record Rating(string Id, string ReservationId, string RaterId, string RatedUserId, int Score, string Comment, DateTimeOffset CreatedAt, bool Visible);

public sealed record SavedSearch(string Id, string Name, Location Location, double RadiusKm, IReadOnlyList<string> Categories, IReadOnlyList<string> Keywords, DateTimeOffset CreatedAt);

/// <summary>The signed-in person's place in an item's waitlist (<c>GET /items/{id}/waitlist</c>), 1 being next in line.</summary>
public sealed record WaitlistPlace(string ItemId, int Position);
