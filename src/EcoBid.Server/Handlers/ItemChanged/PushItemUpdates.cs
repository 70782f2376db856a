using EcoBid.Events.Envelope;
using EcoBid.Events.Handlers;
using EcoBid.Events.Storage;
using EcoBid.Server.Live;

namespace EcoBid.Server.Handlers.ItemChanged;

/// <summary>
/// Pushes what happens to an item (a bid, a moved auction end, a changed or withdrawn listing, an auction's end) to
/// the live connections watching it. Nothing is stored: watching is live only, and a client that reconnects reads
/// the item again.
/// </summary>
public sealed class PushItemUpdates(ILiveFanout fanout) : IEventHandler
{
    public const string Target = "PushItemUpdates";

    public Task HandleAsync(EventEnvelope envelope, IWriteScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(scope);
        if (envelope.Detail.TryGetProperty("itemId", out var id) && id.GetString() is { } itemId)
        {
            var frame = LiveFrames.ItemEvent(itemId, envelope.DetailType, envelope.Detail, envelope.Time);
            scope.OnCommitted(() => fanout.ToWatchers(itemId, frame));
        }

        return Task.CompletedTask;
    }
}
