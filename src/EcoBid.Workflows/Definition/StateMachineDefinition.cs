namespace EcoBid.Workflows.Definition;

/// <summary>
/// A parsed, validated Amazon States Language definition: an immutable tree of typed states. Parse once and share it
/// between executions (it holds no execution state).
/// </summary>
public sealed class StateMachineDefinition
{
    internal StateMachineDefinition(StateMachineBranch root, IReadOnlyDictionary<string, StateMachineBranch> branches)
    {
        Root = root;
        Branches = branches;
    }

    public string? Comment { get; init; }

    public string? Version { get; init; }

    /// <summary>The machine-wide <c>TimeoutSeconds</c>, if any.</summary>
    public int? TimeoutSeconds { get; init; }

    public QueryLanguage QueryLanguage { get; init; }

    /// <summary>The top-level states.</summary>
    public StateMachineBranch Root { get; }

    public string StartAt => Root.StartAt;

    public IReadOnlyDictionary<string, State> States => Root.States;

    /// <summary>Every branch (the machine, Parallel branches, Map processors) by its location.</summary>
    internal IReadOnlyDictionary<string, StateMachineBranch> Branches { get; }

    /// <summary>
    /// Parses and validates <paramref name="json"/>. Returns every problem found (not just the first), and the
    /// definition only when there is no error.
    /// </summary>
    public static DefinitionResult Parse(string json, DefinitionOptions? options = null) =>
        new DefinitionParser(options ?? new DefinitionOptions()).Parse(json);

    /// <summary>Finds the state at a state location (as kept in execution snapshots).</summary>
    internal State StateAt(string branchLocation, string stateName) => Branches[branchLocation].States[stateName];
}
