namespace EcoBid.Workflows.Definition;

/// <summary><c>"Type": "Parallel"</c>.</summary>
public sealed class ParallelState : ErrorHandlingState
{
    public override StateType Type => StateType.Parallel;

    public required IReadOnlyList<StateMachineBranch> Branches { get; init; }
}
