using EcoBid.Workflows.Templates;

namespace EcoBid.Workflows.Definition;

/// <summary>A state that has a result and can Retry and Catch: Task, Parallel, Map.</summary>
public abstract class ErrorHandlingState : State
{
    public IReadOnlyList<Retrier> Retry { get; init; } = [];

    public IReadOnlyList<Catcher> Catch { get; init; } = [];

    /// <summary>JSONPath <c>Parameters</c> (Map: the legacy per-item form lives in ItemSelector).</summary>
    internal PayloadTemplate? Parameters { get; init; }

    /// <summary>JSONata <c>Arguments</c>.</summary>
    internal PayloadTemplate? Arguments { get; init; }

    internal PayloadTemplate? ResultSelector { get; init; }

    internal OptionalPath? ResultPath { get; init; }
}
