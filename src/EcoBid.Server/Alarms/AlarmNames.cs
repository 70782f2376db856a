namespace EcoBid.Server.Alarms;

/// <summary>The alarms EcoBid evaluates; each name is also its configuration key under <c>Alarms</c>.</summary>
public static class AlarmNames
{
    public const string HandlerErrorRate = "HandlerErrorRate";
    public const string ServerErrorRate = "ServerErrorRate";
    public const string DeadLetters = "DeadLetters";
    public const string QueueAge = "QueueAge";
    public const string TimersOverdue = "TimersOverdue";
    public const string RateLimitRejections = "RateLimitRejections";
    public const string EmailCircuitOpen = "EmailCircuitOpen";

    public static IReadOnlyList<string> All { get; } =
        [HandlerErrorRate, ServerErrorRate, DeadLetters, QueueAge, TimersOverdue, RateLimitRejections, EmailCircuitOpen];
}
