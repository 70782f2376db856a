namespace EcoBid.Server.Items.Bulk;

/// <summary>A row of <c>bulk_postings</c>, with the status of its execution when it was read with it.</summary>
public sealed record BulkPostingRecord
{
    public required string Id { get; init; }
    public required string SellerId { get; init; }
    public required string Status { get; init; }
    public required string Format { get; init; }
    public int Total { get; init; }
    public int? Posted { get; init; }
    public int? NeedChanges { get; init; }
    public required string ExecutionArn { get; init; }
    public long CreatedAt { get; init; }
    public long? FinishedAt { get; init; }
    public string? ExecutionStatus { get; init; }
}
