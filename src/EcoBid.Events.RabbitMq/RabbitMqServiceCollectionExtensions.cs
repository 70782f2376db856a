using EcoBid.Events.Outbox;
using EcoBid.Events.Queues;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EcoBid.Events.RabbitMq;

public static class RabbitMqServiceCollectionExtensions
{
    /// <summary>
    /// Moves the queues of an already registered storage adapter (SQLite or PostgreSQL) onto RabbitMQ: replaces
    /// <see cref="IMessageQueue"/>, and wraps the storage's <see cref="IOutboxStore"/> so the relay publishes to the
    /// broker. State, outbox, inbox, timers and archive stay in the storage. Settings come from <see cref="RabbitMqOptions"/>.
    /// </summary>
    public static IServiceCollection AddRabbitMqQueues(this IServiceCollection services)
    {
        var storageOutbox = services.LastOrDefault(d => d.ServiceType == typeof(IOutboxStore))
            ?? throw new InvalidOperationException("Register a storage adapter (its IOutboxStore) before AddRabbitMqQueues.");
        services.AddSingleton<RabbitMqConnection>();
        services.AddSingleton<RabbitMqMessageQueue>();
        services.RemoveAll<IMessageQueue>();
        services.AddSingleton<IMessageQueue>(sp => sp.GetRequiredService<RabbitMqMessageQueue>());
        services.RemoveAll<IOutboxStore>();
        services.AddSingleton<IOutboxStore>(sp => new RabbitMqOutboxStore(
            (IOutboxStore)ActivatorUtilities.CreateInstance(sp, storageOutbox.ImplementationType!),
            sp.GetRequiredService<RabbitMqMessageQueue>(),
            sp.GetRequiredService<TimeProvider>()));
        services.AddHealthChecks().AddCheck<RabbitMqHealthCheck>("rabbitmq", tags: ["ready"]);
        return services;
    }
}
