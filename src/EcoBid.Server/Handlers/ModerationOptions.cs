namespace EcoBid.Server.Handlers;

/// <summary>Configuration section <c>Moderation</c>: terms that flag an item for review.</summary>
public sealed class ModerationOptions
{
    public const string Section = "Moderation";

    public IReadOnlyCollection<string> BlockedTerms { get; set; } = [];
}
