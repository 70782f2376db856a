namespace EcoBid.Workflows.Definition;

/// <summary>ValidateStateMachineDefinition's <c>severity</c>.</summary>
public enum DiagnosticSeverity
{
    Error,
    Warning,
}
