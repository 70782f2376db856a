using System.Globalization;
using EcoBid.Domain.Geo;
using EcoBid.Domain.Items;
using EcoBid.Server.Demo;
using EcoBid.Server.Items.Search;

namespace EcoBid.Bench;

/// <summary>
/// Randomised searches of the kinds people make: around where they are (mostly in a city, sometimes anywhere), within
/// 1–25 km, with or without categories, a mode or words, and sometimes paging on.
/// </summary>
internal sealed class SearchWorkload(int seed)
{
    public static IReadOnlyList<string> Kinds { get; } =
    [
        "nearest",
        "nearest + category",
        "nearest + words",
        "newest nearby",
        "newest nearby + words",
        "relevance nearby",
        "newest anywhere",
    ];

    private readonly Random _random = new(seed);

    /// <summary>The first page's parameters of a search of the kind.</summary>
    public SearchItemsRequest FirstPage(string kind)
    {
        var nearby = kind != "newest anywhere";
        var centre = nearby ? Centre() : (GeoPoint?)null;
        var words = kind.EndsWith("words", StringComparison.Ordinal) || kind.StartsWith("relevance", StringComparison.Ordinal) ? Words() : null;
        var categories = kind == "nearest + category" ? Categories(1 + (_random.NextDouble() < 0.25 ? 1 : 0)) : kind == "nearest" ? null : MaybeCategories();
        return new SearchItemsRequest
        {
            Lat = centre?.Lat.ToString("R", CultureInfo.InvariantCulture),
            Lon = centre?.Lon.ToString("R", CultureInfo.InvariantCulture),
            RadiusKm = nearby ? (1 + (_random.NextDouble() * 24)).ToString("0.##", CultureInfo.InvariantCulture) : null,
            Category = categories,
            Mode = _random.NextDouble() < 0.2 ? (_random.NextDouble() < 0.5 ? ItemMode.Free : ItemMode.Auction) : null,
            Q = words,
            Sort = kind.StartsWith("newest", StringComparison.Ordinal) ? "newest" : kind.StartsWith("relevance", StringComparison.Ordinal) ? "relevance" : null,
        };
    }

    /// <summary>How many further pages this search reads (0 to 3): most people stop after the first.</summary>
    public int FurtherPages() => _random.NextDouble() switch
    {
        < 0.5 => 0,
        < 0.75 => 1,
        < 0.9 => 2,
        _ => 3,
    };

    private GeoPoint Centre() => _random.NextDouble() < SearchCities.Elsewhere
        ? SearchCities.Place(new Random(_random.Next()))
        : SearchCities.Around(SearchCities.Pick(_random), _random);

    /// <summary>Mostly the name of a thing ("chair", "bike"), sometimes a quality ("vintage"), now and then two words.</summary>
    private string Words()
    {
        var things = DemoCatalog.Things.Values.SelectMany(t => t).ToList();
        var thing = things[_random.Next(things.Count)].Split(' ')[^1];
        var quality = DemoCatalog.Qualities[_random.Next(DemoCatalog.Qualities.Count)];
        return _random.NextDouble() switch
        {
            < 0.65 => thing,
            < 0.85 => quality,
            _ => $"{quality} {thing}",
        };
    }

    private string? MaybeCategories() => _random.NextDouble() < 0.4 ? Categories(1) : null;

    private string Categories(int count) =>
        string.Join(',', ItemCategory.All.OrderBy(_ => _random.Next()).Take(count));
}
