using System.Text.Json;
using EcoBid.Events.Envelope;
using EcoBid.Events.Rules;

namespace EcoBid.Events.Tests.Rules;

internal static class RuleSetTestExtensions
{
    /// <summary>Routes an envelope as the relay does: through its wire form.</summary>
    public static IReadOnlyList<string> Route(this RuleSet rules, EventEnvelope envelope)
    {
        using var document = JsonDocument.Parse(envelope.ToJson());
        return rules.Route(document.RootElement);
    }
}
