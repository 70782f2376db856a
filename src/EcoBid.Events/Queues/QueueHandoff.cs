using System.Collections.Concurrent;
using EcoBid.Events.Rules;
using EcoBid.Events.Signals;

namespace EcoBid.Events.Queues;

/// <summary>
/// Hands freshly dispatched messages to this process's consumers in memory. A store whose queues share the
/// dispatching transaction (SQLite) writes such a message already received — receive count 1, invisible for the
/// visibility timeout, exactly what a receive would have written — and passes it to the consumer once that
/// transaction commits. The consumer skips a receive transaction and a wake-up hop, and nothing about delivery
/// changes: the message is durable before any handler sees it, a crash leaves it in flight (released at the next
/// start, or visible again after its timeout), and a handler that outlives the timeout meets the inbox on a second
/// delivery. Only targets whose consumers run in this process and have caught up with their stored backlog take
/// handed messages, so a busy queue keeps its order and its backpressure.
/// </summary>
public sealed class QueueHandoff(RuntimeSignals signals)
{
    private readonly ConcurrentDictionary<string, QueueMailbox> _mailboxes = new(StringComparer.Ordinal);

    /// <summary>Opens (or joins) the mailbox of <paramref name="target"/>; each opener closes it once.</summary>
    public QueueMailbox Open(RuleTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var mailbox = _mailboxes.GetOrAdd(target.Name, _ => new QueueMailbox(target, signals.Queue(target.Name)));
        mailbox.AddConsumer();
        return mailbox;
    }

    /// <summary>Reserves room for one message in <paramref name="target"/>'s mailbox; <c>null</c> when it takes none now.</summary>
    public QueueMailbox? TryReserve(string target) =>
        _mailboxes.TryGetValue(target, out var mailbox) && mailbox.TryReserve() ? mailbox : null;
}
