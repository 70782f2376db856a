using System.Text.Json.Serialization;

namespace EcoBid.Server.Messaging;

/// <summary>Someone you blocked, with their name, as <c>GET /users/me/blocks</c> lists them.</summary>
public sealed record BlockedPerson
{
    public required string UserId { get; init; }
    public required string DisplayName { get; init; }

    [JsonIgnore]
    public long BlockedAtMs { get; init; }

    public DateTimeOffset BlockedAt => DateTimeOffset.FromUnixTimeMilliseconds(BlockedAtMs);
}
