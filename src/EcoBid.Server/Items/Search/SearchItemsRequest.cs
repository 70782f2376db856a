using Microsoft.AspNetCore.Mvc;

namespace EcoBid.Server.Items.Search;

/// <summary>
/// The query string of <c>GET /items</c>, taken as text so that every malformed value is reported by name in the
/// problem response rather than failing model binding.
/// </summary>
public sealed record SearchItemsRequest(
    [FromQuery(Name = "lat")] string? Lat = null,
    [FromQuery(Name = "lon")] string? Lon = null,
    [FromQuery(Name = "radiusKm")] string? RadiusKm = null,
    [FromQuery(Name = "category")] string? Category = null,
    [FromQuery(Name = "mode")] string? Mode = null,
    [FromQuery(Name = "q")] string? Q = null,
    [FromQuery(Name = "status")] string? Status = null,
    [FromQuery(Name = "sort")] string? Sort = null,
    [FromQuery(Name = "cursor")] string? Cursor = null,
    [FromQuery(Name = "limit")] string? Limit = null,
    [FromQuery(Name = "sellerId")] string? SellerId = null);
