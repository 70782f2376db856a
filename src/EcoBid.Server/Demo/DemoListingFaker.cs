using Bogus;
using EcoBid.Domain.Items;

namespace EcoBid.Server.Demo;

/// <summary>
/// Believable listings (Bogus, seeded, so a seed gives the same listings every time): a thing from the category, a
/// quality or colour, and a description of its condition, why it goes and how to pick it up.
/// </summary>
public sealed class DemoListingFaker(int seed)
{
    /// <summary>Share of listings offered as quick auctions; the rest are free.</summary>
    public const double AuctionShare = 0.35;

    private readonly Faker _faker = new("en") { Random = new Randomizer(seed) };
    private readonly string[] _categories = [.. ItemCategory.All];

    public Randomizer Random => _faker.Random;

    public DemoListing Next()
    {
        var category = Pick(_categories);
        var thing = Pick(DemoCatalog.Things[category]);
        var quality = _faker.Random.Bool(0.7f) ? Pick(DemoCatalog.Qualities) : _faker.Commerce.Color();
        var title = Capitalize($"{quality} {thing}");
        var description = string.Join(' ', [
            Pick(DemoCatalog.Conditions),
            $"{Capitalize(_faker.Commerce.Color())} {thing}, about {_faker.Random.Int(1, 15)} years old.",
            Pick(DemoCatalog.Reasons),
            _faker.Random.Bool(0.5f) ? $"Near {_faker.Address.StreetName()}." : string.Empty,
            Pick(DemoCatalog.Pickups),
        ]).Replace("  ", " ", StringComparison.Ordinal);
        return new DemoListing(title, description, category, _faker.Random.Bool((float)AuctionShare) ? ItemMode.Auction : ItemMode.Free);
    }

    private string Pick(IReadOnlyList<string> choices) => choices[_faker.Random.Int(0, choices.Count - 1)];

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
