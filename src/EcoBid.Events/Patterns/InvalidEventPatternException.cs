namespace EcoBid.Events.Patterns;

/// <summary>
/// Thrown when an event pattern is not valid. The message has the form
/// <c>Event pattern is not valid. Reason: &lt;fault&gt; at &lt;path&gt;</c>, where the path is the
/// dotted field path (with <c>[index]</c> for array members) of the offending part of the pattern.
/// </summary>
public sealed class InvalidEventPatternException : Exception
{
    public InvalidEventPatternException()
        : base("Event pattern is not valid.")
    {
    }

    public InvalidEventPatternException(string message)
        : base(message)
    {
    }

    public InvalidEventPatternException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
