namespace EcoBid.Bench.Peer;

/// <summary>The peer workload's one event (EcoBid's envelope detail, MassTransit's message).</summary>
/// <param name="WrittenAt">The writer's Stopwatch timestamp when it started the write.</param>
public sealed record ThingCreated(string Id, long WrittenAt, string Payload);
