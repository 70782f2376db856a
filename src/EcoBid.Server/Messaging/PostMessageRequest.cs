namespace EcoBid.Server.Messaging;

public sealed record PostMessageRequest(string? Body);
