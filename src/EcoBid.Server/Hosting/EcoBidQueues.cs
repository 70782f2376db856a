using EcoBid.Events.RabbitMq;
using EcoBid.Server.Live;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EcoBid.Server.Hosting;

public static class EcoBidQueues
{
    /// <summary>
    /// <c>Queues: rabbitmq</c>: the targets' queues move to the broker (the storage keeps state, outbox, inbox and
    /// timers), the broker is reached at start, and <c>/health/ready</c> checks its connection.
    /// </summary>
    public static IServiceCollection AddEcoBidRabbitMqQueues(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RabbitMqOptions>(configuration.GetSection(RabbitMqOptions.Section));
        services.AddRabbitMqQueues();
        services.AddHostedService<BrokerStartupCheck>();
        return services;
    }

    /// <summary>Live pushes over the broker's fan-out exchange, so a push reaches every API node's connections.</summary>
    public static IServiceCollection AddEcoBidRabbitMqLiveFanout(this IServiceCollection services)
    {
        services.RemoveAll<ILiveFanout>();
        services.AddSingleton<RabbitMqLiveFanout>();
        services.AddSingleton<ILiveFanout>(sp => sp.GetRequiredService<RabbitMqLiveFanout>());
        services.AddHostedService(sp => sp.GetRequiredService<RabbitMqLiveFanout>());
        return services;
    }
}
