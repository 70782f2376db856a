using RabbitMQ.Client;

namespace EcoBid.Bench.Peer;

internal static class PeerBroker
{
    /// <summary>
    /// Deletes the workload's queues (deleting one that does not exist is no error), so messages an aborted run left
    /// behind are not consumed and counted by this one; each system declares its queues again when it starts.
    /// </summary>
    public static async Task DeleteQueuesAsync(string uri, CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory { Uri = new Uri(uri) };
        await using var connection = await factory.CreateConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        foreach (var queue in new[] { EcoBidPeerSystem.Target, EcoBidPeerSystem.Target + ".dlq", MassTransitPeerSystem.Queue, MassTransitPeerSystem.Queue + "_error", MassTransitPeerSystem.Queue + "_skipped" })
        {
            await channel.QueueDeleteAsync(queue, ifUnused: false, ifEmpty: false, cancellationToken: cancellationToken);
        }
    }
}
