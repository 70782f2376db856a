using System.Text.Json.Nodes;
using EcoBid.Workflows.Templates;

namespace EcoBid.Workflows.Definition;

/// <summary><c>"Type": "Pass"</c>.</summary>
public sealed class PassState : State
{
    public override StateType Type => StateType.Pass;

    /// <summary>The fixed <c>Result</c>, when given.</summary>
    internal JsonNode? Result { get; init; }

    internal bool HasResult { get; init; }

    internal PayloadTemplate? Parameters { get; init; }

    internal OptionalPath? ResultPath { get; init; }
}
