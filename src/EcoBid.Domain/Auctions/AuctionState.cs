namespace EcoBid.Domain.Auctions;

/// <summary>
/// Everything proxy bidding needs to decide the next bid: the terms, the times, and the two highest maxima. The
/// leader's maximum stays secret; the visible price is derived from both (see <see cref="AuctionBook.PriceFor"/>).
/// </summary>
public sealed record AuctionState
{
    public required string SellerId { get; init; }

    public required AuctionTerms Terms { get; init; }

    public required DateTimeOffset StartsAt { get; init; }

    /// <summary>The end the seller set; soft close extends from it by at most the cap.</summary>
    public required DateTimeOffset OriginalEnd { get; init; }

    /// <summary>The end that counts, exclusive: a bid at this instant is too late.</summary>
    public required DateTimeOffset EffectiveEnd { get; init; }

    public string Status { get; init; } = AuctionStatus.Open;

    public string? LeaderId { get; init; }

    public long? LeaderMax { get; init; }

    /// <summary>The highest maximum of anyone but the leader.</summary>
    public long? RunnerUpMax { get; init; }

    /// <summary>The visible price; null until the first bid.</summary>
    public long? Price { get; init; }

    public int BidCount { get; init; }

    /// <summary>The latest the auction can end: the original end plus the soft-close cap.</summary>
    public DateTimeOffset LatestEnd => OriginalEnd + Terms.SoftClose.MaxExtension;

    public bool ReserveMet => Price is { } price && (Terms.ReservePrice is not { } reserve || price >= reserve);
}
