namespace EcoBid.Workflows.Definition;

/// <summary>The <c>Type</c> of a state.</summary>
public enum StateType
{
    Pass,
    Task,
    Choice,
    Wait,
    Succeed,
    Fail,
    Parallel,
    Map,
}
