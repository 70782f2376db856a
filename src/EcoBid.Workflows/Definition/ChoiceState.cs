using EcoBid.Workflows.Definition.Choice;

namespace EcoBid.Workflows.Definition;

/// <summary><c>"Type": "Choice"</c>.</summary>
public sealed class ChoiceState : State
{
    public override StateType Type => StateType.Choice;

    public required IReadOnlyList<ChoiceBranch> Choices { get; init; }

    public string? Default { get; init; }
}
