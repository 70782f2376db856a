using System.Diagnostics;
using Dapper;
using EcoBid.Events.Signals;
using EcoBid.Events.Sqlite;
using EcoBid.Server.Hosting;
using EcoBid.Server.Items.Search;
using Microsoft.Extensions.Options;

namespace EcoBid.Bench;

/// <summary>
/// Nearby-search latency at scale: fills a database with items spread over a few cities and the rest of the world
/// (or reuses one), then runs randomised searches one after another through the code behind <c>GET /items</c> —
/// parsing, a pooled read connection, the search and the loading of the page's items; HTTP and JSON are not timed —
/// and prints p50/p95/p99/max per query kind, first pages and later pages apart.
/// </summary>
internal static class SearchBenchmark
{
    public const double TargetP99Milliseconds = 20;
    private const int WarmupSearches = 300;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        SearchBenchmarkOptions options;
        try
        {
            options = args.Any(a => a is "--help" or "-h" or "-?") ? throw new ArgumentException(string.Empty) : SearchBenchmarkOptions.Parse(args);
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message.Length > 0 ? ex.Message + "\n" + SearchBenchmarkOptions.Usage : SearchBenchmarkOptions.Usage);
            return 2;
        }

        var temporary = options.Database is null ? Path.Combine(Path.GetTempPath(), $"ecobid-bench-search-{Guid.NewGuid():N}") : null;
        var path = Path.GetFullPath(options.Database ?? Path.Combine(temporary!, "ecobid.db"));
        try
        {
            await using var database = new SqliteDatabase(Options.Create(new SqliteOptions { Path = path }), new RuntimeSignals(), TimeProvider.System);
            await database.MigrateAsync(EcoBidSchema.Scripts, cancellationToken);
            var items = await database.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM items"), cancellationToken);
            if (items == 0)
            {
                await SearchDataLoader.LoadAsync(path, options.Items, options.Seed, Console.Error, cancellationToken);
                items = options.Items;
            }

            output.WriteLine($"EcoBid search benchmark: {items:N0} items in {path} ({new FileInfo(path).Length / (1024.0 * 1024):N0} MiB)");
            output.WriteLine($"{Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}, one search at a time");
            if (options.Verify > 0 && await SearchVerifier.VerifyAsync(database, new SearchWorkload(options.Seed + 1), options.Verify, output, cancellationToken) > 0)
            {
                return 1;
            }

            var workload = new SearchWorkload(options.Seed);
            var latencies = new SearchLatencies();
            using var process = Process.GetCurrentProcess();
            for (var i = 0; i < WarmupSearches; i++)
            {
                await SearchAsync(database, workload.FirstPage(SearchWorkload.Kinds[i % SearchWorkload.Kinds.Count]), cancellationToken);
            }

            var kinds = SearchWorkload.Kinds.Where(k => options.Kinds.Count == 0 || options.Kinds.Any(f => k.Contains(f, StringComparison.Ordinal))).ToList();
            for (var i = 0; i < options.SearchesPerKind; i++)
            {
                foreach (var kind in kinds)
                {
                    var request = workload.FirstPage(kind);
                    var further = workload.FurtherPages();
                    for (var page = 0; page <= further; page++)
                    {
                        var cpu = process.TotalProcessorTime;
                        var started = Stopwatch.GetTimestamp();
                        var response = await SearchAsync(database, request, cancellationToken);
                        var elapsed = Stopwatch.GetElapsedTime(started);
                        process.Refresh();
                        latencies.Add(kind, page == 0, elapsed.TotalMilliseconds, (process.TotalProcessorTime - cpu).TotalMilliseconds, response.Items.Count);
                        if (response.NextCursor is null)
                        {
                            break;
                        }

                        request = request with { Cursor = response.NextCursor };
                    }
                }
            }

            latencies.Write(output);
            var p99 = latencies.Percentile("all searches", 0.99);
            output.WriteLine($"p99 of all searches: {p99:0.00} ms (target < {TargetP99Milliseconds} ms: {(p99 < TargetP99Milliseconds ? "met" : "missed")})");
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (temporary is not null && Directory.Exists(temporary))
            {
                Directory.Delete(temporary, recursive: true);
            }
        }
    }

    private static async Task<ItemSearchResponse> SearchAsync(SqliteDatabase database, SearchItemsRequest request, CancellationToken cancellationToken)
    {
        var (query, errors) = ItemSearchQueryParser.Parse(request);
        if (query is null)
        {
            throw new InvalidOperationException($"The workload made an invalid search: {string.Join("; ", errors.ToDictionary().Select(e => $"{e.Key}: {string.Join(' ', e.Value)}"))}");
        }

        return await database.ReadAsync(connection => ItemSearch.RunAsync(connection, query, cancellationToken), cancellationToken);
    }
}
