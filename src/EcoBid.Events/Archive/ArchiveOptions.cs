namespace EcoBid.Events.Archive;

/// <summary>Archive and replay settings (configuration section <c>Archive</c>).</summary>
public sealed class ArchiveOptions
{
    public const string Section = "Archive";

    /// <summary>
    /// Days an archived event is kept, counted from its event time; 0 (the default) keeps events forever, as an
    /// EventBridge archive with no retention period does.
    /// </summary>
    public int RetentionDays { get; set; }

    /// <summary>Archived events a replay reads, routes and enqueues in one transaction.</summary>
    public int ReplayBatchSize { get; set; } = 500;
}
