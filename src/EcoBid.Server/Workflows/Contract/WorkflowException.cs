namespace EcoBid.Server.Workflows.Contract;

/// <summary>A refused workflow call, with AWS's error code (<see cref="WorkflowErrors"/>) and message.</summary>
public sealed class WorkflowException : Exception
{
    public WorkflowException()
    {
        Code = WorkflowErrors.ValidationException;
    }

    public WorkflowException(string message)
        : base(message)
    {
        Code = WorkflowErrors.ValidationException;
    }

    public WorkflowException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = WorkflowErrors.ValidationException;
    }

    public WorkflowException(string code, string message)
        : base(message)
    {
        Code = code;
    }

    public string Code { get; }
}
