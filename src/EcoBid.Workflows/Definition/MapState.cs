using EcoBid.Workflows.Json;
using EcoBid.Workflows.Templates;

namespace EcoBid.Workflows.Definition;

/// <summary><c>"Type": "Map"</c>, run inline (also when the definition asks for DISTRIBUTED: see docs/workflows.md).</summary>
public sealed class MapState : ErrorHandlingState
{
    public override StateType Type => StateType.Map;

    public required StateMachineBranch Processor { get; init; }

    /// <summary>Whether <c>ProcessorConfig.Mode</c> is DISTRIBUTED.</summary>
    public bool Distributed { get; init; }

    public string? Label { get; init; }

    internal JsonPath? ItemsPath { get; init; }

    /// <summary>JSONata <c>Items</c> (an array or an expression).</summary>
    internal PayloadTemplate? Items { get; init; }

    /// <summary>ItemSelector, or the legacy <c>Parameters</c> which means the same in a Map.</summary>
    internal PayloadTemplate? ItemSelector { get; init; }

    internal MapNumber? MaxConcurrency { get; init; }

    internal MapNumber? ToleratedFailureCount { get; init; }

    internal MapNumber? ToleratedFailurePercentage { get; init; }

    internal MapNumber? MaxItemsPerBatch { get; init; }

    internal MapNumber? MaxInputBytesPerBatch { get; init; }

    internal PayloadTemplate? BatchInput { get; init; }

    internal bool HasItemBatcher { get; init; }
}

/// <summary>A Map setting given as a number, a path (<c>…Path</c>) or a JSONata expression.</summary>
internal sealed record MapNumber(double? Value, JsonPath? Path, PayloadTemplate? Expression, string Field);
