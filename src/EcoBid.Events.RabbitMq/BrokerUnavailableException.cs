namespace EcoBid.Events.RabbitMq;

/// <summary>
/// RabbitMQ cannot be used right now: it is unreachable, or the connection to it is being recovered. A retry later can
/// succeed (an HTTP request that meets it answers 503).
/// </summary>
public sealed class BrokerUnavailableException : InvalidOperationException
{
    public BrokerUnavailableException()
    {
    }

    public BrokerUnavailableException(string message)
        : base(message)
    {
    }

    public BrokerUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
