using EcoBid.Events.Envelope;
using EcoBid.Events.Storage;

namespace EcoBid.Events.Handlers;

/// <summary>
/// Reacts to one event inside the consumer's write transaction. Whatever it writes, and every event it publishes,
/// commit together with the consumer's processed mark, so the effect happens once even when the message is
/// delivered twice. A handler that throws is retried with backoff and, after the target's receive limit, dead-lettered.
/// </summary>
public interface IEventHandler
{
    Task HandleAsync(EventEnvelope envelope, IWriteScope scope, CancellationToken cancellationToken);
}
