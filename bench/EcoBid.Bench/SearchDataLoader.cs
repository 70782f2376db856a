using System.Diagnostics;
using EcoBid.Domain.Geo;
using EcoBid.Domain.Items;
using EcoBid.Server.Demo;
using EcoBid.Server.Items.Search;
using Microsoft.Data.Sqlite;

namespace EcoBid.Bench;

/// <summary>
/// Fills the items table and both search indexes directly, many thousands of rows per transaction: the benchmark
/// measures searching, and a million items through the API and handlers would take far longer than the searches.
/// The rows are what the API and the Index and Moderate handlers would have written.
/// </summary>
internal static class SearchDataLoader
{
    private const int RowsPerTransaction = 50_000;
    private static readonly DateTimeOffset FirstListing = new(2025, 10, 1, 0, 0, 0, TimeSpan.Zero);

    public static async Task LoadAsync(string path, int count, int seed, TextWriter log, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF; PRAGMA cache_size = -524288;");
        var random = new Random(seed);
        var listings = new DemoListingFaker(seed);
        var started = Stopwatch.StartNew();
        for (var first = 1; first <= count; first += RowsPerTransaction)
        {
            await using var transaction = connection.BeginTransaction();
            using var item = Command(connection, transaction, """
                INSERT INTO items (seq, id, seller_id, title, description, category, mode, status, lat, lon, geohash, moderation, created_at, updated_at, processed_at, expires_at)
                VALUES ($seq, $id, NULL, $title, $description, $category, $mode, $status, $lat, $lon, $geohash, $moderation, $created, $created, $created, $expires)
                """);
            using var geo = Command(connection, transaction, "INSERT INTO item_geo (id, min_lat, max_lat, min_lon, max_lon) VALUES ($seq, $lat, $lat, $lon, $lon)");
            using var text = Command(connection, transaction, "INSERT INTO item_search (rowid, item_id, title, description, cells, category, mode) VALUES ($seq, $id, $title, $description, $cells, $category, $mode)");
            var last = Math.Min(count, first + RowsPerTransaction - 1);
            for (var seq = first; seq <= last; seq++)
            {
                var listing = listings.Next();
                var point = SearchCities.Place(random);
                var created = FirstListing.AddSeconds(seq * 2.6);
                var geohash = Geohash.Encode(point);
                var values = new Dictionary<string, object>(StringComparer.Ordinal)
                {
                    ["$seq"] = seq,
                    ["$id"] = Guid.CreateVersion7(created).ToString(),
                    ["$title"] = listing.Title,
                    ["$description"] = listing.Description,
                    ["$category"] = listing.Category,
                    ["$mode"] = listing.Mode,
                    ["$status"] = Status(random),
                    ["$lat"] = point.Lat,
                    ["$lon"] = point.Lon,
                    ["$geohash"] = geohash,
                    ["$moderation"] = Moderation(random),
                    ["$created"] = created.ToUnixTimeMilliseconds(),
                    ["$expires"] = created.AddDays(30).ToUnixTimeMilliseconds(),
                    ["$cells"] = string.Join(' ', Enumerable.Range(1, SearchCells.FinestPrecision).Select(p => SearchCells.Token(geohash[..p]))),
                };
                await RunAsync(item, values, cancellationToken);
                await RunAsync(geo, values, cancellationToken);
                await RunAsync(text, values, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            log.WriteLine($"[search] {DateTime.UtcNow:HH:mm:ss} loaded {last:N0}/{count:N0} items ({last / started.Elapsed.TotalSeconds:N0}/s)");
        }

        await ExecuteAsync(connection, "PRAGMA wal_checkpoint(TRUNCATE);");
    }

    /// <summary>Most listings are available; some were taken or ended; a few were flagged or not yet moderated.</summary>
    private static string Status(Random random) => random.NextDouble() switch
    {
        < 0.80 => ItemStatus.Available,
        < 0.88 => ItemStatus.Reserved,
        < 0.94 => ItemStatus.PickedUp,
        < 0.98 => ItemStatus.Expired,
        _ => ItemStatus.Withdrawn,
    };

    private static string Moderation(Random random) => random.NextDouble() switch
    {
        < 0.97 => "approved",
        < 0.99 => "flagged",
        _ => "pending",
    };

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static async Task RunAsync(SqliteCommand command, Dictionary<string, object> values, CancellationToken cancellationToken)
    {
        if (command.Parameters.Count == 0)
        {
            foreach (var name in values.Keys.Where(n => command.CommandText.Contains(n, StringComparison.Ordinal)))
            {
                command.Parameters.Add(new SqliteParameter(name, null));
            }

            command.Prepare();
        }

        foreach (SqliteParameter parameter in command.Parameters)
        {
            parameter.Value = values[parameter.ParameterName];
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
