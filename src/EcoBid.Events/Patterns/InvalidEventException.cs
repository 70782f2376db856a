namespace EcoBid.Events.Patterns;

/// <summary>Thrown when an event handed to a pattern is not valid JSON or not a JSON object.</summary>
public sealed class InvalidEventException : Exception
{
    public InvalidEventException()
        : base("Event is not valid.")
    {
    }

    public InvalidEventException(string message)
        : base(message)
    {
    }

    public InvalidEventException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
