namespace EcoBid.Server.Workflows.Persistence;

/// <summary>
/// A row of <c>workflow_state_machines</c>. <see cref="Origin"/> is <c>api</c> or <c>file</c> (rules/workflows);
/// times are Unix milliseconds.
/// </summary>
public sealed class StateMachineRecord
{
    public required string Name { get; init; }
    public required string Arn { get; init; }
    public required string Type { get; init; }
    public required string RoleArn { get; init; }
    public required string Status { get; init; }
    public required int CurrentVersion { get; init; }
    public required string Origin { get; init; }
    public string? Logging { get; init; }
    public string? Description { get; init; }
    public required long CreatedAt { get; init; }
    public required long UpdatedAt { get; init; }
}
