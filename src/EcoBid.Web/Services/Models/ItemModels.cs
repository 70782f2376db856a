namespace EcoBid.Web.Services.Models;

/// <summary>An item as <c>GET /items/{id}</c> and the search answer it (the fields the pages show).</summary>
public sealed record Item(
    string Id, string? SellerId, string Title, string Description, string Category, string Mode, string Status,
    Location Location, string Moderation, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, Auction? Auction, double? DistanceKm,
    IReadOnlyList<ItemImage>? Images);

public sealed record Location(double Lat, double Lon);

/// <summary>A photo of an item (issue 12); until photos land, the thumbnail slot shows a placeholder.</summary>
public sealed record ItemImage(string Id, string Status, string? Placeholder, ImageUrls? Urls, int? Width, int? Height);

public sealed record ImageUrls(string? Thumb, string? Medium, string? Large);

/// <summary>A page of search results; <see cref="NextCursor"/> is null on the last page.</summary>
public sealed record ItemPage(IReadOnlyList<Item> Items, string? NextCursor);
