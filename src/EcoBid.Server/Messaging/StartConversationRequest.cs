namespace EcoBid.Server.Messaging;

/// <summary><c>visibility</c>: <c>private</c> (default: you and the item's owner) or <c>public</c> (the item's questions).</summary>
public sealed record StartConversationRequest(string? Visibility);
