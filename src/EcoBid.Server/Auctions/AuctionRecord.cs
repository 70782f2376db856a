using EcoBid.Domain.Auctions;

namespace EcoBid.Server.Auctions;

/// <summary>A row of <c>auctions</c>, as Dapper reads it; times are Unix milliseconds.</summary>
public sealed record AuctionRecord
{
    public required string Id { get; init; }
    public required string ItemId { get; init; }
    public required string SellerId { get; init; }
    public required string Currency { get; init; }
    public long StartPrice { get; init; }
    public long? ReservePrice { get; init; }
    public long? BuyNowPrice { get; init; }
    public required string Increments { get; init; }
    public long SoftCloseWindowMs { get; init; }
    public long SoftCloseCapMs { get; init; }
    public required string Status { get; init; }
    public long StartsAt { get; init; }
    public long OriginalEnd { get; init; }
    public long EffectiveEnd { get; init; }
    public long? CurrentPrice { get; init; }
    public string? LeaderId { get; init; }
    public long? LeaderMax { get; init; }
    public long? RunnerUpMax { get; init; }
    public int BidCount { get; init; }
    public int BidderCount { get; init; }
    public long? ClosedAt { get; init; }
    public bool? Sold { get; init; }
    public string? WinnerId { get; init; }
    public long? WinningBid { get; init; }
    public string? ReservationId { get; init; }
    public long? CancelledAt { get; init; }

    /// <summary>The state the pure rules decide on.</summary>
    public AuctionState ToState() => new()
    {
        SellerId = SellerId,
        Terms = new AuctionTerms(
            StartPrice, ReservePrice, BuyNowPrice, Currency, TimeSpan.FromMilliseconds(OriginalEnd - StartsAt), IncrementsJson.Parse(Increments),
            new SoftCloseRule(TimeSpan.FromMilliseconds(SoftCloseWindowMs), TimeSpan.FromMilliseconds(SoftCloseCapMs))),
        StartsAt = Time(StartsAt),
        OriginalEnd = Time(OriginalEnd),
        EffectiveEnd = Time(EffectiveEnd),
        Status = Status,
        LeaderId = LeaderId,
        LeaderMax = LeaderMax,
        RunnerUpMax = RunnerUpMax,
        Price = CurrentPrice,
        BidCount = BidCount,
    };

    private static DateTimeOffset Time(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);
}
