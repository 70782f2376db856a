namespace EcoBid.Events.Rules;

/// <summary>A rule target: a handler with its own durable queue (named after the target).</summary>
public sealed record RuleTarget(string Name, string Description, QueueSettings Queue);
