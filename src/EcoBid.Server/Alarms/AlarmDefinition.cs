namespace EcoBid.Server.Alarms;

/// <summary>
/// An alarm: what it watches (<see cref="Description"/>), the unit of its value, and which processes evaluate it.
/// Alarms fed by what a process sees (handler attempts, responses, the email breaker) are evaluated where that
/// happens; alarms over stored state (dead letters, queue ages, timers) by every process, which all see the same.
/// </summary>
public sealed record AlarmDefinition(string Name, string Description, string Unit, AlarmScope Scope);

public enum AlarmScope
{
    /// <summary>Evaluated by processes that run the workers (roles <c>all</c>, <c>worker</c>).</summary>
    Workers,

    /// <summary>Evaluated by processes that serve the API (roles <c>all</c>, <c>api</c>).</summary>
    Api,

    /// <summary>Evaluated by every process.</summary>
    Store,
}
