using EcoBid.Events.Handlers;
using EcoBid.Events.Monitoring;
using EcoBid.Events.Outbox;
using EcoBid.Events.Queues;
using EcoBid.Events.Rules;
using EcoBid.Events.Scheduling;
using EcoBid.Events.Signals;
using EcoBid.Events.Timers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EcoBid.Events;

public static class EventRuntimeServiceCollectionExtensions
{
    /// <summary>
    /// The storage-independent part of the runtime: rules, signals, monitor, relay and consumers. A storage adapter
    /// (for example <c>AddSqliteEventStore</c>) supplies the ports.
    /// </summary>
    public static IServiceCollection AddEventRuntime(this IServiceCollection services, RuleSet rules, ScheduleSet schedules, bool runWorkers)
    {
        ArgumentNullException.ThrowIfNull(rules);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(rules);
        services.AddSingleton(schedules);
        services.AddSingleton<RuntimeSignals>();
        services.AddSingleton<RuntimeMonitor>();
        if (runWorkers)
        {
            services.AddSingleton<QueueHandoff>();
        }

        Registry(services);
        if (runWorkers)
        {
            services.AddHostedService<OutboxRelay>();
            services.AddHostedService<QueueConsumerHost>();
            services.AddHostedService<TimerService>();
        }

        return services;
    }

    /// <summary>Registers <typeparamref name="THandler"/> as the handler of the rules file's target <paramref name="target"/>.</summary>
    public static IServiceCollection AddEventHandler<THandler>(this IServiceCollection services, string target)
        where THandler : class, IEventHandler
    {
        Registry(services).Add(target);
        services.AddKeyedSingleton<IEventHandler, THandler>(target);
        return services;
    }

    /// <summary>Registers the handler <paramref name="factory"/> makes as the handler of the rules file's target <paramref name="target"/>.</summary>
    public static IServiceCollection AddEventHandler(this IServiceCollection services, string target, Func<IServiceProvider, IEventHandler> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        Registry(services).Add(target);
        services.AddKeyedSingleton(target, (provider, _) => factory(provider));
        return services;
    }

    private static HandlerRegistry Registry(IServiceCollection services)
    {
        if (services.FirstOrDefault(d => d.ServiceType == typeof(HandlerRegistry))?.ImplementationInstance is HandlerRegistry existing)
        {
            return existing;
        }

        var registry = new HandlerRegistry();
        services.AddSingleton(registry);
        return registry;
    }
}
