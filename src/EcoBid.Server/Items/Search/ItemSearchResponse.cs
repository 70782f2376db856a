namespace EcoBid.Server.Items.Search;

/// <summary>One page of a search; <see cref="NextCursor"/> fetches the next, and is null on the last page.</summary>
public sealed record ItemSearchResponse(IReadOnlyList<ItemSearchHit> Items, string? NextCursor);
