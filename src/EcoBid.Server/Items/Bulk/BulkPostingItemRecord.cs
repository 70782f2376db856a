namespace EcoBid.Server.Items.Bulk;

/// <summary>A row of <c>bulk_posting_items</c>: the request (JSON of <see cref="CreateItemRequest"/>) and its outcome once known.</summary>
public sealed record BulkPostingItemRecord
{
    public required string BulkId { get; init; }
    public int Idx { get; init; }
    public required string Request { get; init; }
    public string? ItemId { get; init; }
    public string? Problem { get; init; }
}
