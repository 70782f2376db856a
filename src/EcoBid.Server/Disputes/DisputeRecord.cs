namespace EcoBid.Server.Disputes;

public sealed record DisputeRecord
{
    public required string Id { get; init; }
    public required string ReservationId { get; init; }
    public required string BuyerId { get; init; }
    public required string SellerId { get; init; }
    public required string OpenedBy { get; init; }
    public required string Type { get; init; }
    public required string Status { get; init; }
    public required string Text { get; init; }
    public string? ResponseText { get; init; }
    public bool? ResponseAccept { get; init; }
    public string? Outcome { get; init; }
    public string? ResolvedBy { get; init; }
    public string? AdminNote { get; init; }
    public long OpenedAt { get; init; }
    public long RespondBy { get; init; }
    public long ExpiresAt { get; init; }
    public long? ResolvedAt { get; init; }
    public string? ResponseToken { get; init; }
    public string? AdminToken { get; init; }
    public string? ExecutionArn { get; init; }

    /// <summary>The party who did not open the dispute and is asked to answer it.</summary>
    public string OtherPartyId => OpenedBy == DisputeRoles.Buyer ? SellerId : BuyerId;
}
