using EcoBid.Server.Workflows.Persistence;

namespace EcoBid.Server.Workflows.Runtime;

/// <summary>
/// What starting an execution needs: the machine and the version it runs, its name, its input (JSON text, already
/// checked), who started it, and for a child of <c>states:startExecution.sync</c> the parent task waiting for it.
/// </summary>
public sealed record ExecutionLaunch(
    StateMachineRecord Machine,
    StateMachineVersionRecord Version,
    string Name,
    string Input,
    string? TraceHeader = null,
    string? StartedBy = null,
    string? ParentArn = null,
    string? ParentInvocation = null,
    string? ParentMode = null);
