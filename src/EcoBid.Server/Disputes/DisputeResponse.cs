namespace EcoBid.Server.Disputes;

/// <summary>A dispute as its parties and admins see it.</summary>
public sealed record DisputeResponse(
    string Id,
    string ReservationId,
    string Status,
    string Type,
    string OpenedBy,
    string Text,
    string? ResponseText,
    bool? ResponseAccept,
    string? Outcome,
    string? ResolvedBy,
    string? AdminNote,
    DateTimeOffset OpenedAt,
    DateTimeOffset RespondBy,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? ResolvedAt,
    string? ExecutionArn)
{
    public static DisputeResponse From(DisputeRecord d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new(
            d.Id, d.ReservationId, d.Status, d.Type, d.OpenedBy, d.Text, d.ResponseText, d.ResponseAccept, d.Outcome, d.ResolvedBy, d.AdminNote,
            DateTimeOffset.FromUnixTimeMilliseconds(d.OpenedAt), DateTimeOffset.FromUnixTimeMilliseconds(d.RespondBy),
            DateTimeOffset.FromUnixTimeMilliseconds(d.ExpiresAt), d.ResolvedAt is { } r ? DateTimeOffset.FromUnixTimeMilliseconds(r) : null, d.ExecutionArn);
    }
}
