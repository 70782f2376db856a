namespace EcoBid.Server.Workflows.Tasks;

/// <summary>A task handler's failure with the error name a state's Retry and Catch match on, and a cause.</summary>
public sealed class WorkflowTaskException : Exception
{
    public WorkflowTaskException()
        : this("States.TaskFailed", (string?)null)
    {
    }

    public WorkflowTaskException(string message)
        : this("States.TaskFailed", message)
    {
    }

    public WorkflowTaskException(string message, Exception innerException)
        : base(message, innerException)
    {
        Error = "States.TaskFailed";
    }

    public WorkflowTaskException(string error, string? cause)
        : base(cause ?? error)
    {
        Error = error;
        Cause = cause;
    }

    public string Error { get; }

    public string? Cause { get; }
}
