namespace EcoBid.Workflows.Definition;

/// <summary>The diagnostic codes this validator reports (AWS's names).</summary>
public static class DiagnosticCodes
{
    public const string InvalidJson = "INVALID_JSON_DESCRIPTION";
    public const string SchemaValidationFailed = "SCHEMA_VALIDATION_FAILED";
    public const string MissingTransitionTarget = "MISSING_TRANSITION_TARGET";
    public const string UnreachableState = "UNREACHABLE_STATE";
    public const string DuplicateStateName = "DUPLICATE_STATE_NAME";
    public const string InvalidResource = "INVALID_RESOURCE";
    public const string NoTerminalState = "NO_TERMINAL_STATE";
}
