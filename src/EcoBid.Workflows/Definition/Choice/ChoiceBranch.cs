using EcoBid.Workflows.Templates;

namespace EcoBid.Workflows.Definition.Choice;

/// <summary>A top-level entry of <c>Choices</c>: a rule (or JSONata Condition), its <c>Next</c>, and optional Assign/Output.</summary>
public sealed class ChoiceBranch
{
    public required ChoiceRule Rule { get; init; }

    public required string Next { get; init; }

    internal PayloadTemplate? Assign { get; init; }

    internal PayloadTemplate? Output { get; init; }
}
