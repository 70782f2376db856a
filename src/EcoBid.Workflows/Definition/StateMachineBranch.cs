namespace EcoBid.Workflows.Definition;

/// <summary>A set of states with a start: the machine itself, a Parallel branch or a Map item processor.</summary>
public sealed class StateMachineBranch
{
    public required string StartAt { get; init; }

    /// <summary>The states by name, in definition order.</summary>
    public required IReadOnlyDictionary<string, State> States { get; init; }

    /// <summary>The JSON pointer of this branch (empty for the machine; e.g. <c>/States/P/Branches/0</c>).</summary>
    public required string Location { get; init; }

    public QueryLanguage QueryLanguage { get; init; }

    /// <summary>The Parallel or Map state that owns this branch; null for the machine.</summary>
    public State? Owner { get; internal set; }

    /// <summary>How deep the branch is nested (0 for the machine).</summary>
    public int Depth { get; init; }
}
