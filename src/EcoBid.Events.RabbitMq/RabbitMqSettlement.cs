namespace EcoBid.Events.RabbitMq;

/// <summary>How a handled delivery leaves its queue once the handler's transaction has committed.</summary>
internal abstract record RabbitMqSettlement
{
    /// <summary>Done: acknowledge.</summary>
    public sealed record Acknowledge : RabbitMqSettlement;

    /// <summary>Failed, to be tried again after <paramref name="Delay"/>: a new copy through the delay levels, then acknowledge.</summary>
    public sealed record Release(TimeSpan Delay, string Reason) : RabbitMqSettlement;

    /// <summary>Failed for good: a copy into the dead-letter queue with the reason, then acknowledge.</summary>
    public sealed record DeadLetter(string Reason) : RabbitMqSettlement;
}
