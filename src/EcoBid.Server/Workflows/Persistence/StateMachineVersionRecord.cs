namespace EcoBid.Server.Workflows.Persistence;

/// <summary>A row of <c>workflow_versions</c>: one definition a machine had. Executions name the version they run.</summary>
public sealed class StateMachineVersionRecord
{
    public required string Machine { get; init; }
    public required int Version { get; init; }
    public required string Definition { get; init; }
    public required string DefinitionHash { get; init; }
    public required string RevisionId { get; init; }
    public required bool Published { get; init; }
    public string? Description { get; init; }
    public required long CreatedAt { get; init; }
}
