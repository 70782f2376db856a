namespace EcoBid.Domain.Items;

public static class ItemStatus
{
    public const string Available = "available";
    public const string Reserved = "reserved";
    public const string PickedUp = "picked_up";
    public const string Expired = "expired";
    public const string Withdrawn = "withdrawn";

    public static IReadOnlyList<string> All { get; } = [Available, Reserved, PickedUp, Expired, Withdrawn];
}
