using System.Globalization;
using EcoBid.Domain.Geo;
using EcoBid.Domain.Items;

namespace EcoBid.Server.Items.Search;

/// <summary>A validated search: where, what, in which order, and from which position on.</summary>
public sealed record ItemSearchQuery
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;
    public const double DefaultRadiusKm = 10;
    public const double MaxRadiusKm = 100;
    public const int MaxTextLength = 200;

    /// <summary>The circle to search in; null searches everywhere.</summary>
    public GeoCircle? Area { get; init; }

    /// <summary>Any of these categories; empty for all.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    public string? Mode { get; init; }

    public string Status { get; init; } = ItemStatus.Available;

    /// <summary>Words that must all appear in the title or description; null for no text condition.</summary>
    public string? Text { get; init; }

    public SearchSort Sort { get; init; } = SearchSort.Newest;

    /// <summary>The position of the previous page's last item; null for the first page.</summary>
    public SearchPosition? After { get; init; }

    public int Limit { get; init; } = DefaultLimit;

    /// <summary>
    /// Everything that decides which items match and in what order (not the page size or position): a cursor is only
    /// valid for the search it came from.
    /// </summary>
    public string Fingerprint => string.Join(
        '\n',
        Sort.ToString(),
        Area is { } area ? string.Create(CultureInfo.InvariantCulture, $"{area.Centre.Lat:R},{area.Centre.Lon:R},{area.RadiusKm:R}") : "-",
        string.Join(',', Categories.Order(StringComparer.Ordinal)),
        Mode ?? "-",
        Status,
        Text is null ? "-" : ItemStore.ToFtsQuery(Text));
}
