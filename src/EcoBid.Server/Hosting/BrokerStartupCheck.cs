using EcoBid.Events.RabbitMq;

namespace EcoBid.Server.Hosting;

/// <summary>
/// With <c>Queues: rabbitmq</c>, connects to the broker before the runtime's workers start, so a wrong address or
/// password stops the process at once with a message naming the broker, instead of every relay pass failing later.
/// </summary>
public sealed class BrokerStartupCheck(RabbitMqConnection connection) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await connection.ConnectAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new InvalidOperationException($"Queues 'rabbitmq': {ex.Message}", ex);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
