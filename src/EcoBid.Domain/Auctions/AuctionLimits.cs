namespace EcoBid.Domain.Auctions;

/// <summary>The bounds auction terms and bids are checked against.</summary>
public sealed record AuctionLimits(TimeSpan MinDuration, TimeSpan MaxDuration)
{
    /// <summary>100 million in major units: far beyond any neighbourhood sale, far below overflow.</summary>
    public const long MaxAmount = 10_000_000_000;

    public static AuctionLimits Default { get; } = new(TimeSpan.FromMinutes(1), TimeSpan.FromDays(7));

    /// <summary>Currencies whose amounts are counted in hundredths, as the default increment table assumes.</summary>
    public static IReadOnlyList<string> Currencies { get; } = ["PLN", "EUR", "GBP", "USD", "CHF", "CZK", "SEK", "NOK", "DKK"];
}
