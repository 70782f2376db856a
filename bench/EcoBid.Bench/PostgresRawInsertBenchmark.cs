using System.Diagnostics;
using EcoBid.Events.Postgres;
using EcoBid.Events.Signals;
using Microsoft.Extensions.Options;

namespace EcoBid.Bench;

/// <summary>
/// The raw insert run of <see cref="RawInsertBenchmark"/> on PostgreSQL: the same outbox-sized rows, one per
/// transaction, through <see cref="PostgresDatabase.WriteAsync{T}(Func{EcoBid.Events.Storage.IWriteScope, Task{T}}, CancellationToken)"/> (a pooled connection and a transaction per write,
/// no single writer), so the figure sits beside the embedded store's. The table is the run's own and dropped after.
/// CPU is this process's only (the server's is not counted) and bytes written are the server's, so both show n/a.
/// </summary>
internal static class PostgresRawInsertBenchmark
{
    private const string Table = "bench_raw_rows";

    public static async Task<RawInsertResult> RunMedianAsync(BenchOptions options, int writers, CancellationToken cancellationToken)
    {
        var runs = new List<RawInsertResult>();
        for (var i = 0; i < RawInsertBenchmark.Repeats; i++)
        {
            runs.Add(await RunAsync(options, writers, cancellationToken));
        }

        return runs.OrderBy(r => r.RowsPerSecond).ElementAt(RawInsertBenchmark.Repeats / 2);
    }

    private static async Task<RawInsertResult> RunAsync(BenchOptions options, int writers, CancellationToken cancellationToken)
    {
        await using var database = new PostgresDatabase(
            Options.Create(new PostgresOptions { ConnectionString = options.Postgres! }), new RuntimeSignals(), TimeProvider.System);
        await ExecuteAsync(database, $"DROP TABLE IF EXISTS {Table}; CREATE TABLE {Table} (seq bigserial PRIMARY KEY, body text NOT NULL, created_at bigint NOT NULL)", cancellationToken);
        try
        {
            await InsertAsync(database, 0, options.Warmup, writers, cancellationToken);
            var cpu = ProcessCpu.Now();
            var started = Stopwatch.GetTimestamp();
            await InsertAsync(database, options.Warmup, options.Events, writers, cancellationToken);
            var result = new RawInsertResult(options.Events, writers, Stopwatch.GetElapsedTime(started), ProcessCpu.Now() - cpu, WrittenBytes: -1, Store: "PostgreSQL");

            var rows = await database.ReadAsync(async connection =>
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT COUNT(*) FROM {Table}";
                return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
            }, cancellationToken);
            return rows == options.Warmup + options.Events
                ? result
                : throw new InvalidOperationException($"The PostgreSQL raw insert run wrote {rows} rows, not {options.Warmup + options.Events}.");
        }
        finally
        {
            await ExecuteAsync(database, $"DROP TABLE IF EXISTS {Table}", CancellationToken.None);
        }
    }

    private static Task InsertAsync(PostgresDatabase database, int offset, int count, int writers, CancellationToken cancellationToken)
    {
        var next = -1;
        async Task Writer()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var body = RawInsertBenchmark.Body(offset + i);
                await database.WriteAsync(async scope =>
                {
                    await using var command = EcoBid.Events.Storage.WriteScopeExtensions.Command(
                        scope, $"INSERT INTO {Table} (body, created_at) VALUES (@body, @now)", ("body", body), ("now", scope.Now.ToUnixTimeMilliseconds()));
                    return await command.ExecuteNonQueryAsync(scope.CancellationToken);
                }, cancellationToken);
            }
        }

        return Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(Writer, cancellationToken)));
    }

    private static Task<int> ExecuteAsync(PostgresDatabase database, string sql, CancellationToken cancellationToken) =>
        database.ReadAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);
}
