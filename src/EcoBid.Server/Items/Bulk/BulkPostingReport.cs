namespace EcoBid.Server.Items.Bulk;

/// <summary>
/// A bulk posting as its poster (and admins) see it: <c>running</c>, <c>succeeded</c> (every item has an outcome)
/// or <c>failed</c> (the execution ended without one), the counts, and each item's outcome in input order.
/// </summary>
public sealed record BulkPostingReport(
    string Id,
    string Status,
    string Format,
    string ExecutionArn,
    BulkPostingCounts Counts,
    IReadOnlyList<BulkItemResult> Items,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FinishedAt)
{
    private static readonly string[] EndedBadly = ["FAILED", "TIMED_OUT", "ABORTED"];

    public static BulkPostingReport From(BulkPostingRecord posting, IReadOnlyList<BulkPostingItemRecord> rows)
    {
        ArgumentNullException.ThrowIfNull(posting);
        ArgumentNullException.ThrowIfNull(rows);
        var items = rows.Select(r => new BulkItemResult(
            r.Idx,
            r.ItemId is not null ? BulkPostingStatus.Posted : r.Problem is not null ? BulkPostingStatus.NeedsChanges : BulkPostingStatus.Pending,
            r.ItemId,
            BulkPostingStore.ReadProblem(r.Problem))).ToList();
        var posted = items.Count(i => i.Status == BulkPostingStatus.Posted);
        var needChanges = items.Count(i => i.Status == BulkPostingStatus.NeedsChanges);
        var status = posting.Status == BulkPostingStatus.Running && posting.ExecutionStatus is { } execution && EndedBadly.Contains(execution)
            ? BulkPostingStatus.Failed
            : posting.Status;
        return new BulkPostingReport(
            posting.Id,
            status,
            posting.Format,
            posting.ExecutionArn,
            new BulkPostingCounts(items.Count, posted, needChanges, items.Count - posted - needChanges),
            items,
            DateTimeOffset.FromUnixTimeMilliseconds(posting.CreatedAt),
            posting.FinishedAt is { } f ? DateTimeOffset.FromUnixTimeMilliseconds(f) : null);
    }
}
