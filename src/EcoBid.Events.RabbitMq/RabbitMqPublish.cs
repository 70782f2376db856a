namespace EcoBid.Events.RabbitMq;

/// <summary>One persistent message for <see cref="RabbitMqConnection.PublishAllAsync"/>.</summary>
public readonly record struct RabbitMqPublish(string Exchange, string RoutingKey, IDictionary<string, object?> Headers, ReadOnlyMemory<byte> Body, string MessageId);
