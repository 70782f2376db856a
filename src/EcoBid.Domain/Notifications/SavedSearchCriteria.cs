using EcoBid.Domain.Geo;

namespace EcoBid.Domain.Notifications;

/// <summary>
/// What a saved search asks for: items within <see cref="RadiusKm"/> of <see cref="Centre"/>, in one of
/// <see cref="Categories"/> (any when empty), whose title or description holds every keyword (any item when none).
/// </summary>
public sealed record SavedSearchCriteria(GeoPoint Centre, double RadiusKm, IReadOnlyList<string> Categories, IReadOnlyList<string> Keywords)
{
    public const double MinRadiusKm = 0.1;
    public const double MaxRadiusKm = 100;
    public const int MaxKeywords = 10;
    public const int MaxKeywordLength = 40;

    public bool Matches(GeoPoint location, string category, string title, string description)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(description);
        if (Categories.Count > 0 && !Categories.Contains(category, StringComparer.Ordinal))
        {
            return false;
        }

        if (Centre.DistanceKmTo(location) > RadiusKm)
        {
            return false;
        }

        var words = ItemWords.Of($"{title} {description}");
        return Keywords.All(words.Contains);
    }
}
