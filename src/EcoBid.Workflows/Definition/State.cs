using EcoBid.Workflows.Templates;

namespace EcoBid.Workflows.Definition;

/// <summary>A state of a state machine or of a Parallel branch / Map item processor. Immutable once parsed.</summary>
public abstract class State
{
    /// <summary>The state's name (its key in <c>States</c>).</summary>
    public required string Name { get; init; }

    /// <summary>Where the state is in the definition, as a JSON pointer such as <c>/States/Map/ItemProcessor/States/Step</c>.</summary>
    public required string Location { get; init; }

    public abstract StateType Type { get; }

    /// <summary>The effective query language (the state's own, or its machine's).</summary>
    public QueryLanguage QueryLanguage { get; init; }

    public string? Comment { get; init; }

    /// <summary>The next state, or null for a terminal one.</summary>
    public string? Next { get; init; }

    /// <summary><c>"End": true</c>.</summary>
    public bool IsEnd { get; init; }

    internal OptionalPath? InputPath { get; init; }

    internal OptionalPath? OutputPath { get; init; }

    internal PayloadTemplate? Assign { get; init; }

    /// <summary>JSONata <c>Output</c>.</summary>
    internal PayloadTemplate? Output { get; init; }

    /// <summary>The branch (machine, Parallel branch or Map processor) the state belongs to.</summary>
    public StateMachineBranch Branch { get; internal set; } = null!;

    public override string ToString() => $"{Type} '{Name}'";
}
