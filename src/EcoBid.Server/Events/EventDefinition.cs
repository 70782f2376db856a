namespace EcoBid.Server.Events;

public sealed record EventDefinition(string Source, string DetailType, int Version, Type ClrType);
