using EcoBid.Workflows.Json;
using EcoBid.Workflows.Templates;

namespace EcoBid.Workflows.Definition;

/// <summary><c>"Type": "Wait"</c>: exactly one of Seconds, Timestamp, SecondsPath, TimestampPath.</summary>
public sealed class WaitState : State
{
    public override StateType Type => StateType.Wait;

    internal long? Seconds { get; init; }

    internal DateTimeOffset? Timestamp { get; init; }

    internal JsonPath? SecondsPath { get; init; }

    internal JsonPath? TimestampPath { get; init; }

    /// <summary>JSONata <c>Seconds</c> given as an expression.</summary>
    internal PayloadTemplate? SecondsExpression { get; init; }

    /// <summary>JSONata <c>Timestamp</c> given as an expression.</summary>
    internal PayloadTemplate? TimestampExpression { get; init; }
}
