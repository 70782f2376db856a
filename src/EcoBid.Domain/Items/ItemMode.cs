namespace EcoBid.Domain.Items;

public static class ItemMode
{
    public const string Free = "free";
    public const string Auction = "auction";

    public static IReadOnlyList<string> All { get; } = [Free, Auction];
}
