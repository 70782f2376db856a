namespace EcoBid.Domain.Events;

/// <summary>Where an item is: coordinates and their geohash (precision 9, about 5 m).</summary>
public sealed record EventLocation(double Lat, double Lon, string Geohash);

[DomainEvent(EventSources.Items, "ItemCreated")]
public sealed record ItemCreated(
    string ItemId,
    string? SellerId,
    string Title,
    string Description,
    string Category,
    string Mode,
    EventLocation Location,
    DateTimeOffset CreatedAt);

[DomainEvent(EventSources.Items, "ItemUpdated")]
public sealed record ItemUpdated(
    string ItemId,
    string? SellerId,
    string Title,
    string Description,
    string Category,
    string Status,
    EventLocation Location,
    IReadOnlyList<string> ChangedFields,
    DateTimeOffset UpdatedAt);

[DomainEvent(EventSources.Items, "ItemDeleted")]
public sealed record ItemDeleted(string ItemId, string? SellerId, string Reason, DateTimeOffset DeletedAt);

/// <summary>The listing-expiry timer's event: the listing's time is up, unless it was taken in the meantime.</summary>
[DomainEvent(EventSources.Items, "ListingExpiryDue")]
public sealed record ListingExpiryDue(string ItemId, DateTimeOffset ExpiresAt);
