namespace EcoBid.Events.Outbox;

/// <summary>An outbox entry with the targets its rules selected, ready to be archived and enqueued.</summary>
public sealed record RoutedEvent(
    long Sequence,
    string EventId,
    string Source,
    string DetailType,
    DateTimeOffset Time,
    string EnvelopeJson,
    IReadOnlyList<string> Targets);
