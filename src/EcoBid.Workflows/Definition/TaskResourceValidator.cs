namespace EcoBid.Workflows.Definition;

/// <summary>
/// Decides whether a Task's <c>Resource</c> (already known to have ARN shape) is one the host can run. Returns null
/// when it is, or the message of the validation error to report.
/// </summary>
public delegate string? TaskResourceValidator(string resource);
