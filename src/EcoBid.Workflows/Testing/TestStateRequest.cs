namespace EcoBid.Workflows.Testing;

/// <summary>
/// A TestState request, as AWS's TestState API takes it: a state's definition (or a whole machine and
/// <see cref="StateName"/>), its input, variables and context, and optionally a mocked task result.
/// </summary>
public sealed record TestStateRequest
{
    /// <summary>One state's JSON, or a whole state machine's (then name the state in <see cref="StateName"/>).</summary>
    public required string Definition { get; init; }

    public string? StateName { get; init; }

    /// <summary>The state's input as JSON text; <c>{}</c> when absent.</summary>
    public string? Input { get; init; }

    /// <summary>The variables in scope, as a JSON object.</summary>
    public string? Variables { get; init; }

    /// <summary>The context object (<c>$$</c> / <c>$states.context</c>) as JSON; a default one is built when absent.</summary>
    public string? Context { get; init; }

    public InspectionLevel InspectionLevel { get; init; } = InspectionLevel.Info;

    /// <summary>Accepted for compatibility: this engine has no HTTP Task secrets to hide.</summary>
    public bool RevealSecrets { get; init; }

    public string? RoleArn { get; init; }

    public TestStateMock? Mock { get; init; }

    public TestStateConfiguration? StateConfiguration { get; init; }
}

/// <summary>TestState's <c>inspectionLevel</c>.</summary>
public enum InspectionLevel
{
    /// <summary>Output or error only.</summary>
    Info,

    /// <summary>Also every step of input and output processing.</summary>
    Debug,

    /// <summary>As DEBUG (this engine makes no HTTP requests to trace).</summary>
    Trace,
}

/// <summary>
/// A mocked task result: <see cref="Result"/> (JSON text) or <see cref="ErrorOutput"/>. <see cref="FieldValidationMode"/>
/// is accepted but not applied, since this engine knows no service API shapes.
/// </summary>
public sealed record TestStateMock(string? Result = null, TestStateErrorOutput? ErrorOutput = null, string? FieldValidationMode = null);

/// <summary>A mocked task failure.</summary>
public sealed record TestStateErrorOutput(string Error, string? Cause = null);

/// <summary>
/// TestState's <c>stateConfiguration</c>: how many retries the matching retrier has made already, how many Map
/// iterations have failed, and the identifiers AWS uses for Distributed Map runs (accepted, unused).
/// </summary>
public sealed record TestStateConfiguration(int RetrierRetryCount = 0, string? ErrorCausedByState = null, int? MapIterationFailureCount = null, string? MapRunId = null);
