using System.Diagnostics;
using System.Globalization;
using EcoBid.Events.Signals;
using EcoBid.Events.Sqlite;
using EcoBid.Events.Storage;
using Microsoft.Extensions.Options;

namespace EcoBid.Bench;

internal sealed record RawInsertResult(int Rows, int Writers, TimeSpan Elapsed, TimeSpan Cpu, long WrittenBytes, string Store = "SQLite")
{
    public double RowsPerSecond => Rows / Elapsed.TotalSeconds;

    public double CpuMicrosecondsPerRow => Cpu.TotalMicroseconds / Rows;
}

/// <summary>
/// The store's ceiling for one-row transactions: outbox-sized rows (about 300 bytes of text and an integer), one per
/// transaction, through <see cref="SqliteDatabase.WriteAsync{T}"/> on a fresh file, so the write gate, the
/// connection, WAL and <c>synchronous = NORMAL</c> are exactly the runtime's.
/// </summary>
internal static class RawInsertBenchmark
{
    private const string Insert = "INSERT INTO raw_rows (body, created_at) VALUES ($body, $now)";

    private static readonly SchemaScript Schema = new("bench", 1, """
        CREATE TABLE raw_rows (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            body TEXT NOT NULL,
            created_at INTEGER NOT NULL
        );
        """);

    public const int Repeats = 3;

    /// <summary>The median (by rate) of <see cref="Repeats"/> runs, each on a fresh file: one short run is at the mercy of the scheduler.</summary>
    public static async Task<RawInsertResult> RunMedianAsync(BenchOptions options, int writers, CancellationToken cancellationToken)
    {
        var runs = new List<RawInsertResult>();
        for (var i = 0; i < Repeats; i++)
        {
            runs.Add(await RunAsync(options, writers, cancellationToken));
        }

        return runs.OrderBy(r => r.RowsPerSecond).ElementAt(Repeats / 2);
    }

    public static async Task<RawInsertResult> RunAsync(BenchOptions options, int writers, CancellationToken cancellationToken)
    {
        using var directory = new DataDirectory(options, "raw");
        RawInsertResult result;
        await using (var database = new SqliteDatabase(
            Options.Create(new SqliteOptions { Path = Path.Combine(directory.Path, "raw.db") }), new RuntimeSignals(), TimeProvider.System))
        {
            await database.MigrateAsync([Schema], cancellationToken);
            await InsertAsync(database, 0, options.Warmup, writers, cancellationToken);

            var cpu = ProcessCpu.Now();
            var written = ProcessIo.WrittenBytes();
            var started = Stopwatch.GetTimestamp();
            await InsertAsync(database, options.Warmup, options.Events, writers, cancellationToken);
            result = new RawInsertResult(
                options.Events, writers, Stopwatch.GetElapsedTime(started), ProcessCpu.Now() - cpu, ProcessIo.WrittenBytes() - written);

            var rows = await database.ReadAsync(async connection =>
            {
                await using var command = connection.CreateCommand();
                command.CommandText = "SELECT COUNT(*) FROM raw_rows";
                return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            }, cancellationToken);
            if (rows != options.Warmup + options.Events)
            {
                throw new InvalidOperationException($"The raw insert run wrote {rows} rows, not {options.Warmup + options.Events}.");
            }
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return result;
    }

    private static Task InsertAsync(SqliteDatabase database, int offset, int count, int writers, CancellationToken cancellationToken)
    {
        var next = -1;
        async Task Writer()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var body = Body(offset + i);
                await database.WriteAsync(async scope =>
                {
                    await using var command = scope.Command(Insert, ("$body", body), ("$now", scope.Now.ToUnixTimeMilliseconds()));
                    return await command.ExecuteNonQueryAsync(scope.CancellationToken);
                }, cancellationToken);
            }
        }

        return Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(Writer, cancellationToken)));
    }

    /// <summary>About 300 bytes, shaped like an outbox envelope.</summary>
    public static string Body(int n) =>
        $$$"""{"version":"0","id":"{{{Guid.CreateVersion7()}}}","detail-type":"RawRow","source":"ecobid.bench","account":"ecobid","time":"{{{DateTimeOffset.UtcNow:yyyy-MM-ddTHH:mm:ss.fffZ}}}","region":"local","resources":[],"detail":{"n":{{{n}}},"text":"a small row, one per transaction, like an outbox entry"}}""";
}
