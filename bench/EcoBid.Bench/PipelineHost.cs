using System.Diagnostics;
using System.Diagnostics.Metrics;
using Dapper;
using EcoBid.Domain.Events;
using EcoBid.Events.Rules;
using EcoBid.Events.Storage;
using EcoBid.Server.Events;
using EcoBid.Server.Hosting;
using EcoBid.Server.Items;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EcoBid.Bench;

/// <summary>
/// The whole embedded system in this process, as <c>ecobid</c> runs it with role <c>all</c> (minus HTTP): the
/// server's own service composition on a fresh data directory, with the relay and every queue consumer running.
/// </summary>
internal sealed class PipelineHost : IAsyncDisposable
{
    private readonly DataDirectory _directory;
    private readonly BenchSchema? _schema;
    private readonly IHost _host;
    private int _written;

    private PipelineHost(DataDirectory directory, BenchSchema? schema, IHost host, PipelineProbe probe)
    {
        _directory = directory;
        _schema = schema;
        _host = host;
        Probe = probe;
        Database = host.Services.GetRequiredService<IEventDatabase>();
        var sample = DomainEventPublishing.Envelope(
            new ItemCreated("sample", null, "Sample", "Sample", "books", "free", new EventLocation(0, 0, "s00000000"), DateTimeOffset.UtcNow),
            DateTimeOffset.UtcNow);
        using var document = System.Text.Json.JsonDocument.Parse(sample.ToJson());
        Targets = host.Services.GetRequiredService<RuleSet>().Route(document.RootElement);
    }

    public IEventDatabase Database { get; }

    /// <summary>Whether the state (feature tables, outbox, inbox, queues, timers) is on PostgreSQL rather than SQLite.</summary>
    public bool OnPostgres => _schema is not null;

    /// <summary>The signed-in seller the items are posted as (the endpoint takes the user from the access token).</summary>
    private static readonly System.Security.Claims.ClaimsPrincipal Seller =
        new(new System.Security.Claims.ClaimsIdentity([new System.Security.Claims.Claim("sub", "bench-seller")], "bench"));

    public PipelineProbe Probe { get; }

    /// <summary>The targets an ItemCreated is delivered to under the loaded rules.</summary>
    public IReadOnlyList<string> Targets { get; }

    /// <summary>Items written so far (warm-up included).</summary>
    public int Written => Volatile.Read(ref _written);

    /// <summary>
    /// Starts the server; with <paramref name="onPostgres"/>, with <c>Storage=postgres</c> on a fresh schema of the
    /// <c>--postgres</c> database (dropped when the host is disposed).
    /// </summary>
    public static async Task<PipelineHost> StartAsync(BenchOptions options, string name, bool onPostgres, CancellationToken cancellationToken)
    {
        var directory = new DataDirectory(options, name);
        var schema = onPostgres ? await BenchSchema.CreateAsync(options, name, cancellationToken) : null;
        // The content root is this program's directory, which holds the server's appsettings.json. Not the data
        // directory: the configuration file watcher watches its content root recursively, and would be woken by
        // every write to the database's log.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [EcoBidPaths.DataDirKey] = directory.Path,
            ["Role"] = "all",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft"] = "Warning",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        });
        if (options.RabbitMq is not null)
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Queues"] = "rabbitmq",
                ["RabbitMq:ConnectionString"] = options.RabbitMq,
            });
        }

        if (schema is not null)
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage"] = "postgres",
                ["Postgres:ConnectionString"] = schema.ConnectionString,
            });
        }

        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(console => console.SingleLine = true);
        builder.Services.AddEcoBid(builder.Configuration);

        var host = builder.Build();
        var probe = new PipelineProbe(host.Services.GetService<IMeterFactory>());
        var started = new PipelineHost(directory, schema, host, probe);
        try
        {
            await host.StartAsync(cancellationToken);
        }
        catch
        {
            await started.DisposeAsync();
            throw;
        }

        return started;
    }

    /// <summary>Posts <paramref name="count"/> items through <see cref="ItemsApi.CreateItem"/> from concurrent writers.</summary>
    public Task WriteItemsAsync(int count, int writers, CancellationToken cancellationToken)
    {
        var next = -1;
        async Task Writer()
        {
            while (Interlocked.Increment(ref next) < count)
            {
                await WriteOneAsync(cancellationToken);
            }
        }

        return Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(Writer, cancellationToken)));
    }

    /// <summary>One item and its ItemCreated, committed together, exactly as the API endpoint does it.</summary>
    public async Task WriteOneAsync(CancellationToken cancellationToken)
    {
        var n = Interlocked.Increment(ref _written) - 1;
        var result = await ItemsApi.CreateItem(SampleItems.Request(n), Seller, Database, cancellationToken);
        if (result.Result is not Created<ItemResponse>)
        {
            throw new InvalidOperationException($"Item {n} was rejected: {result.Result}.");
        }
    }

    /// <summary>
    /// Writes items, at least <paramref name="count"/> of them and for at least <paramref name="minimum"/>, and waits
    /// until every handler has handled every one of them.
    /// </summary>
    public async Task WarmUpAsync(int count, TimeSpan minimum, int writers, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var chunk = Math.Max(count, 100);
        var written = 0;
        var phase = Probe.Begin(long.MaxValue);
        while (written < count || Stopwatch.GetElapsedTime(started) < minimum)
        {
            await WriteItemsAsync(chunk, writers, cancellationToken);
            written += chunk;
        }

        phase.Expect((long)written * Targets.Count);
        await phase.Completion.WaitAsync(timeout, cancellationToken);
    }

    /// <summary>
    /// Checks the store against what was written: the pipeline did all of its work, once. Only the items' events are
    /// counted: a long run also archives the schedules' events (AuctionEndCheck every minute) and their deliveries.
    /// </summary>
    public async Task<ConsistencyReport> CheckAsync(CancellationToken cancellationToken)
    {
        var counts = await Database.ReadAsync(connection => connection.QuerySingleAsync<StoreCounts>("""
            SELECT (SELECT COUNT(*) FROM items) AS Items,
                   (SELECT COUNT(*) FROM items WHERE processed_at IS NOT NULL) AS Processed,
                   (SELECT COUNT(*) FROM items WHERE moderation <> 'pending') AS Moderated,
                   (SELECT COUNT(*) FROM item_search) AS Indexed,
                   (SELECT COUNT(*) FROM outbox) AS Outbox,
                   (SELECT COUNT(*) FROM event_archive WHERE detail_type = 'ItemCreated') AS Archived,
                   (SELECT COUNT(*) FROM queue_messages WHERE dead_lettered_at IS NULL) AS Queued,
                   (SELECT COUNT(*) FROM queue_messages WHERE dead_lettered_at IS NOT NULL) AS DeadLettered,
                   (SELECT COUNT(*) FROM inbox WHERE message_key IN (SELECT event_id FROM event_archive WHERE detail_type = 'ItemCreated')) AS Inbox
            """), cancellationToken);
        var written = Written;
        var problems = new List<string>();
        void Expect(string what, long actual, long wanted)
        {
            if (actual != wanted)
            {
                problems.Add($"{what}: {actual}, expected {wanted}");
            }
        }

        Expect("items", counts.Items, written);
        Expect("outbox rows left", counts.Outbox, 0);
        Expect("archived events", counts.Archived, written);
        Expect("queued messages left", counts.Queued, 0);
        Expect("dead letters", counts.DeadLettered, 0);
        Expect("inbox marks", counts.Inbox, (long)written * Targets.Count);
        if (Targets.Contains("ProcessNewItem"))
        {
            Expect("processed items", counts.Processed, written);
        }

        if (Targets.Contains("Moderate"))
        {
            Expect("moderated items", counts.Moderated, written);
        }

        if (Targets.Contains("Index"))
        {
            Expect("indexed items", counts.Indexed, written);

            // The first item's title is unique among the sample items (its number is a word of its own).
            var first = SampleItems.Request(0);
            var found = await Database.ReadAsync(
                connection => OnPostgres
                    ? connection.ExecuteScalarAsync<long>(
                        """
                        SELECT COUNT(*) FROM item_search s JOIN items i ON i.id = s.item_id
                        WHERE s.title_words @@ plainto_tsquery('english', @words) AND i.title = @title
                        """,
                        new { words = EcoBid.Server.Items.Search.PostgresSearchText.Fold(first.Title!), title = first.Title })
                    : connection.ExecuteScalarAsync<long>(
                        "SELECT COUNT(*) FROM item_search WHERE item_search MATCH @match AND title = @title", new { match = ItemStore.ToFtsQuery(first.Title!), title = first.Title }),
                cancellationToken);
            Expect("search hits for the first item's title", found, 1);
        }

        return new ConsistencyReport(written, counts, problems);
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
            Probe.Dispose();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            _directory.Dispose();
            if (_schema is not null)
            {
                await _schema.DisposeAsync();
            }
        }
    }
}

internal sealed record StoreCounts(
    long Items, long Processed, long Moderated, long Indexed, long Outbox, long Archived, long Queued, long DeadLettered, long Inbox);

internal sealed record ConsistencyReport(int Written, StoreCounts Counts, IReadOnlyList<string> Problems)
{
    public bool Ok => Problems.Count == 0;
}
