using EcoBid.Domain.Items;
using EcoBid.Server.Items;

namespace EcoBid.Bench;

/// <summary>Valid, varied item listings, as a client would post them.</summary>
internal static class SampleItems
{
    private static readonly string[] Things =
    [
        "oak chair", "desk lamp", "winter coat", "picture book", "wooden train", "frying pan", "garden hose",
        "tennis racket", "cordless drill", "baby stroller", "bookshelf", "kettle", "bicycle helmet", "board game",
    ];

    private static readonly string[] Conditions = ["like new", "well used", "slightly scratched", "works fine", "needs a clean"];

    public static CreateItemRequest Request(int n)
    {
        var thing = Things[n % Things.Length];
        var condition = Conditions[n / Things.Length % Conditions.Length];

        // One listing in fifty trips the moderation rules, so both verdicts are exercised.
        var flagged = n % 50 == 49 ? " Not a replica." : string.Empty;
        return new CreateItemRequest(
            $"{char.ToUpperInvariant(thing[0])}{thing[1..]} #{n}",
            $"A {thing}, {condition}. Pick it up in the evening or at the weekend; bring a bag, it is heavier than it looks.{flagged}",
            ItemCategory.All[n % ItemCategory.All.Count],
            n % 3 == 0 ? ItemMode.Auction : ItemMode.Free,
            new LocationRequest(52.37 + (n % 97 * 0.001), 4.89 + (n % 89 * 0.001)));
    }
}
