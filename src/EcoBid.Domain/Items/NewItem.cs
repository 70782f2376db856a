using EcoBid.Domain.Geo;

namespace EcoBid.Domain.Items;

/// <summary>What a person gives when posting an item.</summary>
public sealed record NewItem(string? Title, string? Description, string? Category, string? Mode, double? Lat, double? Lon);
