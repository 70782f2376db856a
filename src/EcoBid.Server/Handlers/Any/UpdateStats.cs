using EcoBid.Events.Envelope;
using EcoBid.Events.Handlers;
using EcoBid.Events.Storage;
using EcoBid.Server.Events;

namespace EcoBid.Server.Handlers.Any;

/// <summary>
/// Keeps the statistics counters: one per detail-type, and per category and mode for new items. Counters only add,
/// so the order events arrive in does not matter; the inbox makes each event count once.
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
            await scope.ExecutePreparedAsync(
                "INSERT INTO stats_counters (name, value) VALUES (@name, 1) ON CONFLICT (name) DO UPDATE SET value = stats_counters.value + 1", ("@name", name));
        }
    }
}
