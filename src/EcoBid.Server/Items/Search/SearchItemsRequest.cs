using Microsoft.AspNetCore.Mvc;

namespace EcoBid.Server.Items.Search;

/// <summary>
/// The query string of <c>GET /items</c>, taken as text so that every malformed value is reported by name in the
/// problem response rather than failing model binding. Properties rather than a positional record: the request
/// delegate generator cannot bind a constructor whose parameters are nullable references.
/// </summary>
public sealed record SearchItemsRequest
{
    [FromQuery(Name = "lat")]
    public string? Lat { get; init; }

    [FromQuery(Name = "lon")]
    public string? Lon { get; init; }

    [FromQuery(Name = "radiusKm")]
    public string? RadiusKm { get; init; }

    [FromQuery(Name = "category")]
    public string? Category { get; init; }

    [FromQuery(Name = "mode")]
    public string? Mode { get; init; }

    [FromQuery(Name = "q")]
    public string? Q { get; init; }

    [FromQuery(Name = "status")]
    public string? Status { get; init; }

    [FromQuery(Name = "sort")]
    public string? Sort { get; init; }

    [FromQuery(Name = "cursor")]
    public string? Cursor { get; init; }

    [FromQuery(Name = "limit")]
    public string? Limit { get; init; }

    [FromQuery(Name = "sellerId")]
    public string? SellerId { get; init; }
}
