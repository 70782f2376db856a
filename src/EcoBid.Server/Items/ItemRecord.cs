namespace EcoBid.Server.Items;

/// <summary>A row of <c>items</c>, as Dapper reads it.</summary>
public sealed record ItemRecord
{
    /// <summary>The row id: listing order, and the key of the item's entries in <c>item_geo</c> and <c>item_search</c>.</summary>
    public long Seq { get; init; }
    public required string Id { get; init; }
    public string? SellerId { get; init; }
    public required string Title { get; init; }
    public required string Description { get; init; }
    public required string Category { get; init; }
    public required string Mode { get; init; }
    public required string Status { get; init; }
    public double Lat { get; init; }
    public double Lon { get; init; }
    public required string Geohash { get; init; }
    public required string Moderation { get; init; }
    public string? ModerationReasons { get; init; }
    public long CreatedAt { get; init; }
    public long UpdatedAt { get; init; }
    public long? ProcessedAt { get; init; }
    public long? ExpiresAt { get; init; }
}
