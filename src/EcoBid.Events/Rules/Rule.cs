using EcoBid.Events.Patterns;

namespace EcoBid.Events.Rules;

/// <summary>An EventBridge-style rule: events matching <see cref="Pattern"/> go to every named target.</summary>
public sealed record Rule(string Name, string Description, EventPattern Pattern, IReadOnlyList<string> Targets);
