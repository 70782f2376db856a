using EcoBid.Events.Outbox;
using EcoBid.Events.Queues;
using EcoBid.Events.Signals;
using EcoBid.Events.Storage;

namespace EcoBid.Events.Contracts;

/// <summary>
/// One adapter's runtime ports on a fresh, empty store that reads <see cref="Clock"/>. The contract suites see an
/// adapter only through this.
/// </summary>
public interface IRuntimeStore : IAsyncDisposable
{
    ManualTimeProvider Clock { get; }

    RuntimeSignals Signals { get; }

    IEventDatabase Database { get; }

    IOutboxStore Outbox { get; }

    IMessageQueue Queue { get; }

    IInbox Inbox { get; }

    /// <summary>How many archive entries the event has. The ports have no archive reader yet, so each adapter answers this itself.</summary>
    Task<long> CountArchivedAsync(string eventId);
}
