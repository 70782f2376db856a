namespace EcoBid.Workflows.Evaluation;

/// <summary>A States Language error (name and cause) raised while a state runs; it goes to Retry/Catch.</summary>
internal sealed class StatesErrorException : Exception
{
    public StatesErrorException(string error, string? cause) : base(cause ?? error)
    {
        Error = error;
        Cause = cause;
    }

    public StatesErrorException() : this(StatesErrors.Runtime, (string?)null) { }

    public StatesErrorException(string message) : this(StatesErrors.Runtime, message) { }

    public StatesErrorException(string message, Exception inner) : base(message, inner)
    {
        Error = StatesErrors.Runtime;
        Cause = message;
    }

    public string Error { get; }

    public string? Cause { get; }
}
