using EcoBid.Events.Contracts;
using Microsoft.Extensions.Options;
using RabbitMQ.Client.Exceptions;

namespace EcoBid.Events.RabbitMq.Tests;

/// <summary>
/// Opening the connection takes two steps: the broker accepts it, then the delay exchanges and queues are declared. A
/// try whose second step is refused must not leave its connection open (with automatic recovery it would live on beside
/// every later try), and the next try must start clean rather than find the client marked as recovering.
/// </summary>
public sealed class RabbitMqConnectionOpeningTests
{
    [Fact]
    public async Task A_connection_whose_setup_is_refused_is_closed_and_the_next_try_opens_a_working_one()
    {
        var vhost = await RabbitMqTestServer.CreateVhostAsync();
        try
        {
            // The user may connect to the vhost but not declare anything in it.
            await RabbitMqTestServer.SetPermissionsAsync(vhost, configure: "^$");
            await using var connection = new RabbitMqConnection(Options.Create(new RabbitMqOptions { ConnectionString = vhost }));

            var refused = await Should.ThrowAsync<OperationInterruptedException>(() => connection.ConnectAsync(CancellationToken.None));
            refused.Message.ShouldContain("ACCESS_REFUSED");
            await WaitForConnectionsAsync(vhost, 0, "the refused try's connection is closed");

            await RabbitMqTestServer.SetPermissionsAsync(vhost, configure: ".*");
            (await connection.ConnectAsync(CancellationToken.None)).IsOpen.ShouldBeTrue();
            await using (var channel = await connection.CreateChannelAsync(CancellationToken.None))
            {
                channel.IsOpen.ShouldBeTrue();
            }

            await connection.DeclareAsync("Index", CancellationToken.None);
            await WaitForConnectionsAsync(vhost, 1, "one connection: the working one");
        }
        finally
        {
            await RabbitMqTestServer.DeleteVhostAsync(vhost);
        }
    }

    /// <summary>The management API lists connections from statistics it gathers every few seconds, so this polls.</summary>
    private static async Task WaitForConnectionsAsync(string vhost, int expected, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        int count;
        while ((count = await RabbitMqTestServer.ConnectionCountAsync(vhost)) != expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
        }

        count.ShouldBe(expected, what);
    }
}
