namespace EcoBid.Workflows.Definition;

/// <summary>The outcome of <see cref="StateMachineDefinition.Parse"/>: the definition when it has no errors, and every diagnostic.</summary>
public sealed record DefinitionResult(StateMachineDefinition? Definition, IReadOnlyList<DefinitionDiagnostic> Diagnostics)
{
    public bool IsValid => Definition is not null;

    public IEnumerable<DefinitionDiagnostic> Errors => Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>
    /// CreateStateMachine's <c>InvalidDefinition</c> message: <c>Invalid State Machine Definition: 'CODE: message at /loc, CODE: …'</c>;
    /// null when the definition is valid.
    /// </summary>
    public string? InvalidDefinitionMessage => IsValid ? null : $"Invalid State Machine Definition: '{string.Join(", ", Errors)}'";
}
