namespace EcoBid.Events.RabbitMq;

/// <summary>Where the broker is (configuration section <c>RabbitMq</c>).</summary>
public sealed class RabbitMqOptions
{
    public const string Section = "RabbitMq";

    /// <summary>An AMQP URI with credentials and vhost, e.g. <c>amqp://ecobid:…@mq:5672/ecobid</c>.</summary>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>How long a lost connection waits before each attempt to come back (the client recovers it, its channels and consumers).</summary>
    public TimeSpan NetworkRecoveryInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long a receive waits for a delivery when none is buffered (SQS's long polling). The consumers are woken by
    /// deliveries anyway, so 0 (answer at once) suits them; a caller that polls may want a moment.
    /// </summary>
    public TimeSpan ReceiveWait { get; set; } = TimeSpan.Zero;

    /// <summary>
    /// How long a publish waits for each window of the broker's confirms (<see cref="RabbitMqConnection.ConfirmWindow"/>
    /// messages). A confirm that never comes (a channel lost in a way the client does not report to the waiting
    /// publish, a broker that blocks publishers under a resource alarm) would otherwise hold the publishing channel, and
    /// with it every later publish, forever; past this the channel is dropped and the publish fails, to be retried on a
    /// new one. Zero or less waits without a deadline.
    /// </summary>
    public TimeSpan ConfirmTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
