namespace EcoBid.Server.Disputes;

/// <summary>The vocabularies of a dispute: who opened it, what it is about, where it stands, how it ended.</summary>
public static class DisputeRoles
{
    public const string Buyer = "buyer";
    public const string Seller = "seller";

    public static IReadOnlySet<string> Types { get; } = new HashSet<string>(["no_show", "not_as_described", "item_not_received", "other"], StringComparer.Ordinal);

    public static IReadOnlySet<string> AdminOutcomes { get; } = new HashSet<string>([Buyer, Seller, "dismissed"], StringComparer.Ordinal);

    public const string Open = "open";
    public const string AwaitingAdmin = "awaiting_admin";
    public const string Resolved = "resolved";

    /// <summary>The statuses, in the order a dispute goes through them.</summary>
    public static IReadOnlyList<string> Statuses { get; } = [Open, AwaitingAdmin, Resolved];
}
