namespace EcoBid.Domain.Events;

/// <summary>
/// A person asked to post <c>Count</c> items at once; their rows are stored under <c>BulkId</c>. The
/// BulkItemPosting state machine starts with this event as its input.
/// </summary>
[DomainEvent(EventSources.Items, "BulkPostingStarted")]
public sealed record BulkPostingStarted(string BulkId, string SellerId, int Count, DateTimeOffset StartedAt);

/// <summary>A bulk posting ran to its end: <c>Posted</c> of <c>Count</c> items were created, <c>NeedChanges</c> were refused with a problem.</summary>
[DomainEvent(EventSources.Items, "BulkPostingFinished")]
public sealed record BulkPostingFinished(string BulkId, string SellerId, int Count, int Posted, int NeedChanges, DateTimeOffset FinishedAt);
