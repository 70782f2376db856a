using System.Text.Json;
using EcoBid.Server.Identity;

namespace EcoBid.Server.SavedSearches;

public sealed record SavedSearchResponse(
    string Id, string Name, LocationUpdate Location, double RadiusKm, IReadOnlyList<string> Categories, IReadOnlyList<string> Keywords, DateTimeOffset CreatedAt)
{
    public static SavedSearchResponse From(SavedSearchRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new SavedSearchResponse(
            record.Id, record.Name, new LocationUpdate(record.Lat, record.Lon), record.RadiusKm,
            JsonSerializer.Deserialize<string[]>(record.Categories) ?? [], JsonSerializer.Deserialize<string[]>(record.Keywords) ?? [],
            DateTimeOffset.FromUnixTimeMilliseconds(record.CreatedAt));
    }
}
