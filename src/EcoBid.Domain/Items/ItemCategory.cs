namespace EcoBid.Domain.Items;

/// <summary>The categories an item can be listed under.</summary>
public static class ItemCategory
{
    public static IReadOnlyList<string> All { get; } =
    [
        "furniture", "electronics", "clothing", "books", "toys", "kitchen", "garden", "sports", "tools", "baby", "home", "other",
    ];

    public static bool IsKnown(string category) => All.Contains(category, StringComparer.Ordinal);
}
