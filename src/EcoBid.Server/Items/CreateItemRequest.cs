namespace EcoBid.Server.Items;

public sealed record CreateItemRequest(string? Title, string? Description, string? Category, string? Mode, LocationRequest? Location);

public sealed record LocationRequest(double? Lat, double? Lon);
