using System.Diagnostics;
using System.Text.Json;
using EcoBid.Events.Envelope;
using EcoBid.Events.Storage;

namespace EcoBid.Server.Events;

public static class DomainEventPublishing
{
    /// <summary>Wraps a catalogued detail in an envelope and appends it to the scope's outbox.</summary>
    public static Task<EventEnvelope> PublishAsync<TDetail>(this IWriteScope scope, TDetail detail)
        where TDetail : notnull
    {
        ArgumentNullException.ThrowIfNull(scope);
        var envelope = Envelope(detail, scope.Now);
        return PublishEnvelopeAsync(scope, envelope);
    }

    public static EventEnvelope Envelope<TDetail>(TDetail detail, DateTimeOffset now)
        where TDetail : notnull
    {
        var definition = EventCatalog.For(detail.GetType());
        return new EventEnvelope
        {
            Id = Guid.CreateVersion7(now).ToString(),
            Source = definition.Source,
            DetailType = definition.DetailType,
            DetailVersion = definition.Version,
            Time = now,
            Detail = JsonSerializer.SerializeToElement(detail, detail.GetType(), EcoBidJson.Web),
            CorrelationId = CorrelationContext.Current,
            TraceParent = Activity.Current?.Id,
        };
    }

    private static async Task<EventEnvelope> PublishEnvelopeAsync(IWriteScope scope, EventEnvelope envelope)
    {
        await scope.PublishAsync(envelope);
        return envelope;
    }
}
