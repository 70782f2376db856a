using EcoBid.Events.Handlers;
using EcoBid.Events.Monitoring;
using EcoBid.Events.Rules;
using EcoBid.Events.Signals;
using EcoBid.Events.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EcoBid.Events.Queues;

/// <summary>Runs <see cref="QueueSettings.Concurrency"/> consumers for every target in the rules file.</summary>
public sealed class QueueConsumerHost(
    IServiceProvider services,
    RuleSet rules,
    IOptions<RuntimeOptions> options,
    ILoggerFactory loggerFactory) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var loops = new List<Task>();
        foreach (var target in rules.Targets.Values)
        {
            var consumer = Create(target);
            for (var i = 0; i < target.Queue.Concurrency; i++)
            {
                loops.Add(Task.Run(() => consumer.RunAsync(stoppingToken), stoppingToken));
            }
        }

        return Task.WhenAll(loops);
    }

    private QueueConsumer Create(RuleTarget target) => new(
        target,
        services.GetRequiredKeyedService<IEventHandler>(target.Name),
        services.GetRequiredService<IMessageQueue>(),
        services.GetRequiredService<IInbox>(),
        services.GetRequiredService<IEventDatabase>(),
        services.GetRequiredService<RuntimeSignals>(),
        services.GetRequiredService<RuntimeMonitor>(),
        services.GetRequiredService<TimeProvider>(),
        options.Value,
        loggerFactory.CreateLogger($"EcoBid.Events.Queues.{target.Name}"),
        services.GetService<QueueHandoff>());
}
