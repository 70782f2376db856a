using EcoBid.Server.Identity;

namespace EcoBid.Server.SavedSearches;

/// <summary>
/// <c>POST /saved-searches</c>: alert me about new items within <c>radiusKm</c> of <c>location</c>, in any of
/// <c>categories</c> (all when absent), whose text holds every word of <c>keywords</c> (any item when absent).
/// </summary>
public sealed record SavedSearchRequest(string? Name, LocationUpdate? Location, double? RadiusKm, List<string>? Categories, string? Keywords);
