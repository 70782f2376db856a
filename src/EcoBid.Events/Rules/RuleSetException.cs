namespace EcoBid.Events.Rules;

/// <summary>The rules file is not valid; the message names the rule or target and the fault.</summary>
public sealed class RuleSetException : Exception
{
    public RuleSetException()
    {
    }

    public RuleSetException(string message)
        : base(message)
    {
    }

    public RuleSetException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
