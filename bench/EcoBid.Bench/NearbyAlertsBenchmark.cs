using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Security.Claims;
using Dapper;
using EcoBid.Domain.Geo;
using EcoBid.Domain.Items;
using EcoBid.Events.Monitoring;
using EcoBid.Events.Storage;
using EcoBid.Server.Hosting;
using EcoBid.Server.Items;
using EcoBid.Server.SavedSearches;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace EcoBid.Bench;

/// <summary>
/// Nearby alerts with 100,000 saved searches (<c>--scenario nearby</c>): how fast the R*Tree finds the searches a new
/// item's position falls in, against scanning the table, and how long NotifyNearbyUsers takes end to end (item
/// posted to alerts committed) when each item alerts the people whose searches match it. Half of the searches sit
/// around five city centres, half anywhere in a country-sized box, so some items alert hundreds of people.
/// </summary>
internal static class NearbyAlertsBenchmark
{
    public const int SavedSearches = 100_000;
    private const int Users = 20_000;
    private const int Lookups = 2_000;
    private const int ScanLookups = 50;
    private const int Items = 300;
    private static readonly (double Lat, double Lon)[] Cities = [(52.23, 21.01), (50.06, 19.94), (51.76, 19.46), (51.11, 17.03), (52.41, 16.93)];

    public static async Task<int> RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        using var directory = new DataDirectory(options, "nearby");
        using var host = BuildHost(directory.Path);
        await host.StartAsync(cancellationToken);
        var database = host.Services.GetRequiredService<IEventDatabase>();
        var monitor = host.Services.GetRequiredService<RuntimeMonitor>();
        var random = new Random(42);

        Progress($"seeding {Users:N0} users and {SavedSearches:N0} saved searches");
        var seeding = Stopwatch.StartNew();
        await SeedUsersAsync(database, cancellationToken);
        await SeedSearchesAsync(database, random, cancellationToken);
        seeding.Stop();

        Progress("R*Tree lookups and table scans");
        var (rtree, candidates) = await TimeLookupsAsync(database, random, Lookups, indexed: true, cancellationToken);
        var (scan, _) = await TimeLookupsAsync(database, random, ScanLookups, indexed: false, cancellationToken);

        Progress($"{Items} items posted one after another, each waited for until its alerts commit");
        var endToEnd = new List<double>(Items);

        // The runtime's recent-activity window is too short here (each alert dispatches NotificationSent events), so
        // handled NotifyNearbyUsers messages are counted from the runtime's own metric.
        using var handled = new SemaphoreSlim(0);
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == RuntimeMonitor.MeterName && instrument.Name == "ecobid.messages.handled")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "queue" && tag.Value as string == "NotifyNearbyUsers")
                {
                    handled.Release();
                }
            }
        });
        listener.Start();
        var seller = new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "bench-seller")], "bench"));
        for (var i = 0; i < Items; i++)
        {
            var (lat, lon) = Place(random);
            var request = new CreateItemRequest($"Bench item {i}", "A sturdy thing, pick it up any evening.", ItemCategory.All[i % ItemCategory.All.Count], ItemMode.Free, new LocationRequest(lat, lon));
            var started = Stopwatch.GetTimestamp();
            await ItemsApi.CreateItem(request, seller, database, cancellationToken);
            if (!await handled.WaitAsync(TimeSpan.FromMinutes(2), cancellationToken))
            {
                var failures = monitor.Recent.Where(a => a.Kind is RuntimeActivityKind.Failed or RuntimeActivityKind.DeadLettered).Select(a => $"{a.Queue}: {a.Error}").Distinct().Take(5);
                throw new TimeoutException($"Item {i} was not handled by NotifyNearbyUsers in time. Failures: {string.Join("; ", failures)}");
            }

            endToEnd.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        var alerts = await database.ReadAsync(db => db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM nearby_alerts"), cancellationToken);
        var perItem = await database.ReadAsync(db => db.QueryAsync<long>("SELECT COUNT(*) FROM nearby_alerts GROUP BY item_id"), cancellationToken);
        await host.StopAsync(CancellationToken.None);

        AnsiConsole.WriteLine($"Nearby alerts: {SavedSearches:N0} saved searches of {Users:N0} people (seeded in {seeding.Elapsed.TotalSeconds:0.0} s)");
        AnsiConsole.WriteLine("  half around five city centres (sigma 0.15 deg), half uniform over 49-54.8 N, 14.1-24.1 E; radius 1-10 km; 30 % with a category, 10 % with a keyword");
        var table = new Table().Border(TableBorder.Ascii).Title("Nearby alerts (ms)");
        foreach (var column in new[] { "Measurement", "Samples", "mean", "p50", "p95", "p99", "max" })
        {
            table.AddColumn(column == "Measurement" ? new TableColumn(column) : new TableColumn(column).RightAligned());
        }

        Add(table, "R*Tree candidate lookup (one new item's position)", LatencySummary.Of(rtree));
        Add(table, "Same box predicate, table scan (no R*Tree)", LatencySummary.Of(scan));
        Add(table, "Item posted -> NotifyNearbyUsers committed its alerts", LatencySummary.Of(endToEnd));
        AnsiConsole.Write(table);
        var counts = perItem.Select(c => (double)c).ToList();
        var alertSummary = LatencySummary.Of(counts);
        AnsiConsole.WriteLine(
            $"Candidates per lookup: mean {candidates.Average():0.0}, max {candidates.Max():N0}. Alerts: {alerts:N0} for {Items} items " +
            $"(per alerted item: mean {alertSummary.Mean:0.0}, p50 {alertSummary.P50:0}, p99 {alertSummary.P99:0}, max {alertSummary.Max:0}).");
        AnsiConsole.WriteLine();
        return 0;
    }

    private static IHost BuildHost(string dataDirectory)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = AppContext.BaseDirectory, EnvironmentName = Environments.Production });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [EcoBidPaths.DataDirKey] = dataDirectory,
            ["Role"] = "all",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(console => console.SingleLine = true);
        builder.Services.AddEcoBid(builder.Configuration);
        return builder.Build();
    }

    private static async Task SeedUsersAsync(IEventDatabase database, CancellationToken cancellationToken)
    {
        for (var start = 0; start < Users; start += 5_000)
        {
            var batch = Enumerable.Range(start, Math.Min(5_000, Users - start))
                .Select(n => new { id = $"u{n}", email = $"u{n}@bench.local", name = $"Person {n}" }).ToList();
            await database.WriteAsync(scope => scope.Connection.ExecuteAsync(
                "INSERT INTO users (id, email, password_hash, display_name, role, email_verified_at, created_at, updated_at) VALUES (@id, @email, 'x', @name, 'user', 0, 0, 0)",
                batch, scope.Transaction), cancellationToken);
        }
    }

    private static async Task SeedSearchesAsync(IEventDatabase database, Random random, CancellationToken cancellationToken)
    {
        const int PerTransaction = 2_000;
        for (var start = 0; start < SavedSearches; start += PerTransaction)
        {
            var batch = Enumerable.Range(start, PerTransaction).Select(n =>
            {
                var (lat, lon) = Place(random);
                var category = random.NextDouble() < 0.3 ? $"[\"{ItemCategory.All[random.Next(ItemCategory.All.Count)]}\"]" : "[]";
                var keyword = random.NextDouble() < 0.1 ? "[\"sturdy\"]" : "[]";
                return new SavedSearchRecord
                {
                    Id = $"s{n}",
                    UserId = $"u{n % Users}",
                    Name = $"Search {n}",
                    Lat = lat,
                    Lon = lon,
                    RadiusKm = 1 + (random.NextDouble() * 9),
                    Categories = category,
                    Keywords = keyword,
                    CreatedAt = 0,
                };
            }).ToList();
            await database.WriteAsync(async scope =>
            {
                foreach (var search in batch)
                {
                    await SavedSearchStore.InsertAsync(scope, search);
                }

                return batch.Count;
            }, cancellationToken);
        }
    }

    private static async Task<(List<double> Milliseconds, List<int> Candidates)> TimeLookupsAsync(
        IEventDatabase database, Random random, int count, bool indexed, CancellationToken cancellationToken)
    {
        var timings = new List<double>(count);
        var candidates = new List<int>(count);
        await database.ReadAsync(async db =>
        {
            for (var i = 0; i < count; i++)
            {
                var (lat, lon) = Place(random);
                var started = Stopwatch.GetTimestamp();
                var found = indexed
                    ? (await SavedSearchStore.CandidatesAsync(db, null, new GeoPoint(lat, lon), null)).Count
                    : await ScanAsync(db, lat, lon);
                timings.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                candidates.Add(found);
            }

            return 0;
        }, cancellationToken);
        return (timings, candidates);
    }

    /// <summary>What the lookup would cost without the R*Tree: the bounding-box test on every saved search.</summary>
    private static async Task<int> ScanAsync(System.Data.Common.DbConnection db, double lat, double lon) =>
        (await db.QueryAsync<SavedSearchRecord>(
            $"""
            SELECT {SavedSearchRecord.Columns} FROM saved_searches
            WHERE ABS(lat - @lat) * 111.32 <= radius_km AND ABS(lon - @lon) * 111.32 * 0.6 <= radius_km
            """,
            new { lat, lon })).AsList().Count;

    private static (double Lat, double Lon) Place(Random random)
    {
        if (random.NextDouble() < 0.5)
        {
            var (lat, lon) = Cities[random.Next(Cities.Length)];
            return (lat + (Gaussian(random) * 0.15), lon + (Gaussian(random) * 0.15));
        }

        return (49 + (random.NextDouble() * 5.8), 14.1 + (random.NextDouble() * 10));
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static void Add(Table table, string what, LatencySummary s) =>
        table.AddRow(what, s.Count.ToString("N0", CultureInfo.InvariantCulture), Ms(s.Mean), Ms(s.P50), Ms(s.P95), Ms(s.P99), Ms(s.Max));

    private static string Ms(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    private static void Progress(string what) => Console.Error.WriteLine($"[bench] {DateTime.UtcNow:HH:mm:ss} {what}...");
}
