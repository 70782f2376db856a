namespace EcoBid.Events.Archive;

/// <summary>An event as the archive keeps it: the envelope exactly as it was dispatched, and where it sits.</summary>
public sealed record ArchivedEvent(ArchivePosition Position, string EventId, string Source, string DetailType, string EnvelopeJson);
