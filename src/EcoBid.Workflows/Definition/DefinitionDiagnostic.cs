namespace EcoBid.Workflows.Definition;

/// <summary>
/// One problem found in a definition, shaped like an entry of ValidateStateMachineDefinition's <c>diagnostics</c>:
/// severity, code (<c>SCHEMA_VALIDATION_FAILED</c>, <c>MISSING_TRANSITION_TARGET</c>, …), message, and the JSON
/// pointer of the offending field (e.g. <c>/States/Pass/Next</c>).
/// </summary>
public sealed record DefinitionDiagnostic(DiagnosticSeverity Severity, string Code, string Message, string Location)
{
    /// <summary>The entry as it appears inside CreateStateMachine's InvalidDefinition message: <c>CODE: message at /location</c>.</summary>
    public override string ToString() => $"{Code}: {Message} at {(Location.Length == 0 ? "/" : Location)}";
}
