using EcoBid.Events.Envelope;
using EcoBid.Events.Storage;

namespace EcoBid.Events.Handlers;

/// <summary>
/// A handler whose slow part must not run inside the consumer's write transaction, which holds the store's only
/// writer (decoding an image, writing files, calling another service). The consumer calls <see cref="PrepareAsync"/>
/// for each received message before it opens the transaction, then
/// <see cref="HandleAsync(EventEnvelope, object?, IWriteScope, CancellationToken)"/> inside it with what the
/// preparation returned. A preparation that throws fails its message as a throwing handler does (retried with
/// backoff, then dead-lettered). Preparation runs on every delivery, a duplicate included (the inbox is read only in
/// the transaction), so it must be safe to repeat: effects outside the database idempotent (files named by their
/// content, say), and whatever must happen once done in the handling part, which commits with the inbox mark.
/// </summary>
public interface IPreparingEventHandler : IEventHandler
{
    /// <summary>The work done outside any transaction; its result is handed to the handling part.</summary>
    Task<object?> PrepareAsync(EventEnvelope envelope, CancellationToken cancellationToken);

    /// <summary>The part that commits with the consumer's inbox mark and acknowledgement.</summary>
    Task HandleAsync(EventEnvelope envelope, object? prepared, IWriteScope scope, CancellationToken cancellationToken);

    /// <summary>For a caller that knows only <see cref="IEventHandler"/>: prepares inside the caller's transaction, then handles.</summary>
    async Task IEventHandler.HandleAsync(EventEnvelope envelope, IWriteScope scope, CancellationToken cancellationToken) =>
        await HandleAsync(envelope, await PrepareAsync(envelope, cancellationToken), scope, cancellationToken);
}
