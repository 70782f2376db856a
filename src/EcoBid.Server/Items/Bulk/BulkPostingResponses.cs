namespace EcoBid.Server.Items.Bulk;

/// <summary>The answer to <c>POST /items/bulk</c>: the posting to poll at <c>/items/bulk/{id}</c> and the execution that runs it.</summary>
public sealed record BulkPostingAccepted(string Id, string ExecutionArn, string Status);

/// <summary>How many items a bulk posting has, how many were posted, how many need changes, how many are still to do.</summary>
public sealed record BulkPostingCounts(int Total, int Posted, int NeedChanges, int Pending);

/// <summary>One item of a bulk posting, by its index in the request: the item it became, or the problem it had.</summary>
public sealed record BulkItemResult(int Index, string Status, string? ItemId, BulkItemProblem? Problem);
