namespace EcoBid.Server.Items.Bulk;

/// <summary>Where a bulk posting stands, and where each of its items does.</summary>
public static class BulkPostingStatus
{
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";

    public const string Posted = "posted";
    public const string NeedsChanges = "needs_changes";
    public const string Pending = "pending";
}
