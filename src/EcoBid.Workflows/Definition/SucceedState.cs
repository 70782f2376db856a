namespace EcoBid.Workflows.Definition;

/// <summary><c>"Type": "Succeed"</c>.</summary>
public sealed class SucceedState : State
{
    public override StateType Type => StateType.Succeed;
}
