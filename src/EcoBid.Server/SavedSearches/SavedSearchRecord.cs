using System.Text.Json;
using EcoBid.Domain.Geo;
using EcoBid.Domain.Notifications;

namespace EcoBid.Server.SavedSearches;

/// <summary>A row of <c>saved_searches</c>; categories and keywords are JSON arrays of strings.</summary>
public sealed record SavedSearchRecord
{
    public const string Columns = "seq, id, user_id, name, lat, lon, radius_km, categories, keywords, created_at";

    public long Seq { get; init; }
    public required string Id { get; init; }
    public required string UserId { get; init; }
    public required string Name { get; init; }
    public double Lat { get; init; }
    public double Lon { get; init; }
    public double RadiusKm { get; init; }
    public required string Categories { get; init; }
    public required string Keywords { get; init; }
    public long CreatedAt { get; init; }

    public SavedSearchCriteria Criteria() => new(
        new GeoPoint(Lat, Lon), RadiusKm,
        JsonSerializer.Deserialize<string[]>(Categories) ?? [],
        JsonSerializer.Deserialize<string[]>(Keywords) ?? []);
}
