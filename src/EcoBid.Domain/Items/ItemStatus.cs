namespace EcoBid.Domain.Items;

public static class ItemStatus
{
    public const string Available = "available";
    public const string Reserved = "reserved";
    public const string PickedUp = "picked_up";
    public const string Expired = "expired";
    public const string Withdrawn = "withdrawn";

    /// <summary>An auction item whose auction ended without a completed sale (unsold, or the pickup fell through); its seller may auction it again.</summary>
    public const string Ended = "ended";

    public static IReadOnlyList<string> All { get; } = [Available, Reserved, PickedUp, Expired, Withdrawn, Ended];
}
