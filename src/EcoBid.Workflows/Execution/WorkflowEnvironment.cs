using EcoBid.Jsonata;
using EcoBid.Workflows.Definition;

namespace EcoBid.Workflows.Execution;

/// <summary>What the interpreter needs from the world for one call: the time, randomness, JSONata and limits.</summary>
public sealed class WorkflowEnvironment
{
    /// <summary>The current time: stamps history events, <c>$$.State.EnteredTime</c> and timer due times.</summary>
    public required DateTimeOffset Now { get; init; }

    /// <summary>Randomness for States.UUID, States.MathRandom, $random/$uuid and retry jitter; seed it for reproducible runs.</summary>
    public Random Random { get; init; } = Random.Shared;

    /// <summary>Evaluates JSONata; required for JSONata states.</summary>
    public JsonataEngine? Jsonata { get; init; }

    public WorkflowLimits Limits { get; init; } = WorkflowLimits.Standard;

    /// <summary>Checks Task resources when definitions are parsed by the tester; the interpreter itself runs what was validated.</summary>
    public TaskResourceValidator? ResourceValidator { get; init; }
}
