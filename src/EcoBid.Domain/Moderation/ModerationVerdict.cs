namespace EcoBid.Domain.Moderation;

public sealed record ModerationVerdict(string Status, IReadOnlyList<string> Reasons);
