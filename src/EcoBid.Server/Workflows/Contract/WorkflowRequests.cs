namespace EcoBid.Server.Workflows.Contract;

/// <summary>CreateStateMachine. <see cref="Type"/> is STANDARD (default) or EXPRESS; the role and logging are accepted and kept.</summary>
public sealed record CreateStateMachineRequest(
    string Name, string Definition, string? Type = null, string? RoleArn = null, string? LoggingConfiguration = null,
    IReadOnlyDictionary<string, string>? Tags = null, bool Publish = false, string? VersionDescription = null);

public sealed record UpdateStateMachineRequest(
    string StateMachineArn, string? Definition = null, string? RoleArn = null, string? LoggingConfiguration = null,
    bool Publish = false, string? VersionDescription = null);

/// <summary>StartExecution / StartSyncExecution. <see cref="Input"/> is JSON text (<c>{}</c> when absent).</summary>
public sealed record StartExecutionRequest(string StateMachineArn, string? Name = null, string? Input = null, string? TraceHeader = null);
