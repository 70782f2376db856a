namespace EcoBid.Server.Hosting;

/// <summary>Where the targets' queues and the live fan-out run (setting <c>Queues</c>).</summary>
public enum QueueBackend
{
    /// <summary>Queues in the storage's database, live pushes within this process.</summary>
    Embedded,

    /// <summary>Queues on RabbitMQ (<c>RabbitMq:ConnectionString</c>), live pushes over its fan-out exchange.</summary>
    RabbitMq,
}
