namespace EcoBid.Server.Workflows;

/// <summary>Workflow runtime settings (configuration section <c>Workflows</c>).</summary>
public sealed class WorkflowOptions
{
    public const string Section = "Workflows";

    /// <summary>The folder of <c>*.asl.json</c> definitions loaded at start; default <c>rules/workflows</c> beside the executable.</summary>
    public string? DefinitionsPath { get; set; }

    /// <summary>
    /// In-process task calls one transaction makes before the rest wait in the outbox for a transaction of their own,
    /// so a long loop of tasks never holds the writer for long. Transitions per call are bounded by the engine's
    /// MaxTransitionsPerAdvance.
    /// </summary>
    public int MaxTaskCallsPerTransaction { get; set; } = 1_000;

    /// <summary>The longest an EXPRESS execution runs (AWS: five minutes).</summary>
    public TimeSpan ExpressMaxDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Largest execution input in UTF-8 bytes (AWS: 256 KiB).</summary>
    public int MaxInputBytes { get; set; } = 256 * 1024;
}
