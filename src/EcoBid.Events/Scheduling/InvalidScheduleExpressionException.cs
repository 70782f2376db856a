namespace EcoBid.Events.Scheduling;

/// <summary>Thrown when a schedule expression is not a valid <c>at()</c>, <c>rate()</c> or <c>cron()</c> expression.</summary>
public sealed class InvalidScheduleExpressionException : Exception
{
    public InvalidScheduleExpressionException()
        : base("Invalid schedule expression.")
    {
    }

    public InvalidScheduleExpressionException(string message)
        : base(message)
    {
    }

    public InvalidScheduleExpressionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
