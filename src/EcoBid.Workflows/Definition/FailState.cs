using EcoBid.Workflows.Templates;

namespace EcoBid.Workflows.Definition;

/// <summary><c>"Type": "Fail"</c>.</summary>
public sealed class FailState : State
{
    public override StateType Type => StateType.Fail;

    public string? Error { get; init; }

    public string? Cause { get; init; }

    /// <summary>ErrorPath (a path or an intrinsic call) or a JSONata Error expression.</summary>
    internal PayloadTemplate? ErrorTemplate { get; init; }

    internal PayloadTemplate? CauseTemplate { get; init; }
}
