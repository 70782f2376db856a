namespace EcoBid.Events.Outbox;

/// <summary>A committed, not yet dispatched event, in commit order.</summary>
public sealed record OutboxEntry(long Sequence, string EnvelopeJson);
