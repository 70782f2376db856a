namespace EcoBid.Server.Messaging;

/// <summary>The newest saved message of a conversation: who wrote it, when, and its start.</summary>
public sealed record LastMessage(string Id, string SenderId, string SenderName, string Preview, DateTimeOffset SavedAt)
{
    public const int PreviewLength = 140;
}
