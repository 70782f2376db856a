using EcoBid.Events.Envelope;
using EcoBid.Events.Handlers;
using EcoBid.Events.Storage;
using EcoBid.Server.Events;
using EcoBid.Server.Stats;

namespace EcoBid.Server.Handlers.Any;

/// <summary>
/// Keeps the statistics counters: one per detail-type, and per category and mode for new items. Counters only add,
/// so the order events arrive in does not matter; the inbox makes each event count once. Each count is appended
/// (<see cref="StatsCounters"/>): workers counting at once never wait for each other.
/// </summary>
public sealed class UpdateStats : IEventHandler
{
    public const string Target = "UpdateStats";

    public async Task HandleAsync(EventEnvelope envelope, IWriteScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(scope);
        var counters = new List<string> { $"events.{envelope.DetailType}" };
        if (envelope.DetailType == "ItemCreated")
        {
            var created = envelope.Read<Domain.Events.ItemCreated>();
            counters.Add($"items.category.{created.Category}");
            counters.Add($"items.mode.{created.Mode}");
        }

        foreach (var name in counters)
        {
            await StatsCounters.AddAsync(scope, name);
        }
    }
}
