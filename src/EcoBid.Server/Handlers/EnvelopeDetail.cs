using System.Text.Json;
using EcoBid.Events.Envelope;
using EcoBid.Server.Events;

namespace EcoBid.Server.Handlers;

public static class EnvelopeDetail
{
    /// <summary>The detail as its catalogue record; a detail that does not fit throws, and the message is retried, then dead-lettered.</summary>
    public static T Read<T>(this EventEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        return envelope.Detail.Deserialize<T>(EcoBidJson.Web)
            ?? throw new JsonException($"Event {envelope.Id} has an empty {envelope.DetailType} detail.");
    }
}
