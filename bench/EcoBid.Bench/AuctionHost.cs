using System.Security.Claims;
using Dapper;
using EcoBid.Events.Storage;
using EcoBid.Server.Auctions;
using EcoBid.Server.Hosting;
using EcoBid.Server.Items;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EcoBid.Bench;

/// <summary>
/// The whole server in this process (its own composition, role <c>all</c> by default, relay and consumers running, no
/// HTTP), with people to sell and bid, driven through the auction endpoints' own handler methods. Given a schema, its
/// state is on PostgreSQL (<c>Storage=postgres</c>); several hosts may share one schema, each with a role of its own,
/// as the processes of a cluster do.
/// </summary>
internal sealed class AuctionHost : IAsyncDisposable
{
    private readonly DataDirectory _directory;
    private readonly IHost _host;

    private AuctionHost(DataDirectory directory, IHost host)
    {
        _directory = directory;
        _host = host;
        Database = host.Services.GetRequiredService<IEventDatabase>();
    }

    public IEventDatabase Database { get; }

    public static async Task<AuctionHost> StartAsync(BenchOptions options, BenchSchema? schema, string role, CancellationToken cancellationToken)
    {
        var directory = new DataDirectory(options, $"auction-{role}");
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [EcoBidPaths.DataDirKey] = directory.Path,
            ["Role"] = role,
            ["Auctions:MinDuration"] = "00:00:01",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        if (schema is not null)
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage"] = "postgres",
                ["Postgres:ConnectionString"] = schema.ConnectionString,
            });

            // A cluster's queues are RabbitMQ's: the hosts of one run share the broker's vhost, as processes would.
            if (options.RabbitMq is not null)
            {
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["Queues"] = "rabbitmq",
                    ["RabbitMq:ConnectionString"] = options.RabbitMq,
                });
            }
        }

        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(console => console.SingleLine = true);
        builder.Services.AddEcoBid(builder.Configuration);
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return new AuctionHost(directory, host);
    }

    /// <summary>People as the access token would name them; their accounts exist, as a won auction's pickup needs.</summary>
    public async Task<IReadOnlyList<ClaimsPrincipal>> PeopleAsync(string prefix, int count)
    {
        var ids = Enumerable.Range(0, count).Select(i => $"{prefix}-{i}").ToList();
        await Database.WriteAsync(scope => scope.Connection.ExecuteAsync(
            "INSERT INTO users (id, email, password_hash, display_name, created_at, updated_at) VALUES (@id, @id || '@bench.example', 'none', @id, 0, 0)",
            ids.Select(id => new { id }),
            scope.Transaction));
        return [.. ids.Select(id => new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", id)], "bench")))];
    }

    /// <summary>Posts an item in auction mode and auctions it, through the endpoints; returns the item id.</summary>
    public async Task<string> AuctionAsync(ClaimsPrincipal seller, int n, TimeSpan duration, CancellationToken cancellationToken)
    {
        var request = SampleItems.Request(n * 3) with { Mode = "auction" };
        var created = await ItemsApi.CreateItem(request, seller, Database, cancellationToken);
        var itemId = ((Created<ItemResponse>)created.Result).Value!.Id;
        var terms = new CreateAuctionRequest(1_00, null, null, "PLN", (long)duration.TotalSeconds, null, new SoftCloseRequest(0, 0));
        var auctioned = await AuctionsApi.CreateAuction(
            itemId, terms, seller, Database, Service<AuctionStore>(), Service<EcoBid.Events.Timers.ITimerStore>(), Service<IOptions<AuctionsOptions>>(), cancellationToken);
        return auctioned.Result is Created<AuctionView>
            ? itemId
            : throw new InvalidOperationException($"The auction was refused: {auctioned.Result}.");
    }

    /// <summary>One bid through the endpoint's handler, with a fresh idempotency key; the answer if accepted, else null.</summary>
    public async Task<BidResponse?> BidAsync(string itemId, ClaimsPrincipal bidder, long maxAmount, CancellationToken cancellationToken)
    {
        var result = await BidsApi.PlaceBid(
            itemId, new PlaceBidRequest(maxAmount), Guid.NewGuid().ToString("N"), bidder, new DefaultHttpContext().Response, Database,
            Service<AuctionStore>(), cancellationToken);
        return (result.Result as Created<BidResponse>)?.Value;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _host.StopAsync(CancellationToken.None);
        }
        finally
        {
            _host.Dispose();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            _directory.Dispose();
        }
    }

    private T Service<T>()
        where T : notnull => _host.Services.GetRequiredService<T>();
}
