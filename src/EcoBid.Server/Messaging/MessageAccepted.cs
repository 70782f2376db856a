namespace EcoBid.Server.Messaging;

/// <summary>The 202 answer to a new message: it is accepted and pending; MessageSaved or MessageFailed follows on the live channel.</summary>
public sealed record MessageAccepted(string Id, string ConversationId, string Status);
