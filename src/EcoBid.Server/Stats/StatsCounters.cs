using EcoBid.Events.Storage;
using EcoBid.Server.Events;
using EcoBid.Server.Storage;

namespace EcoBid.Server.Stats;

/// <summary>
/// The statistics counters, counted by appending: each count is a row of <c>stats_counter_deltas</c>, and the FoldStats
/// schedule (every five minutes) folds the deltas into <c>stats_counters</c>. Readers use the <c>stats_totals</c> view (counters plus
/// deltas not yet folded), so a fold changes no total.
/// </summary>
/// <remarks>
/// Adding to the counter rows in place locked them until the counting transaction committed. UpdateStats counts a
/// batch of events in one transaction, every event touching one of a handful of hot rows; two workers' batches took
/// those rows in different orders and deadlocked on PostgreSQL, over and over (every deadlock a second's wait and a
/// failed message). An appended row takes no lock anyone else wants.
/// </remarks>
public static class StatsCounters
{
    /// <summary>Counts one more <paramref name="name"/>, in the caller's transaction.</summary>
    public static Task AddAsync(IWriteScope scope, string name)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.ExecutePreparedAsync("INSERT INTO stats_counter_deltas (name, value) VALUES (@name, 1)", ("@name", name));
    }

    /// <summary>
    /// Moves every delta into its counter, in the caller's transaction. On PostgreSQL one statement deletes the deltas
    /// and adds what it deleted, so a delta committed meanwhile is neither lost nor counted twice (two statements would
    /// each see a different set); on SQLite the single writer makes the two statements one step.
    /// </summary>
    public static async Task FoldAsync(IWriteScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var sql = SqlDialects.Of(scope.Connection) == SqlDialect.Postgres
            ? """
              WITH moved AS (DELETE FROM stats_counter_deltas RETURNING name, value)
              INSERT INTO stats_counters (name, value)
              SELECT name, SUM(value) FROM moved GROUP BY name ORDER BY name
              ON CONFLICT (name) DO UPDATE SET value = stats_counters.value + excluded.value
              """
            : """
              INSERT INTO stats_counters (name, value)
              SELECT name, SUM(value) FROM stats_counter_deltas WHERE true GROUP BY name
              ON CONFLICT (name) DO UPDATE SET value = stats_counters.value + excluded.value;
              DELETE FROM stats_counter_deltas;
              """;
        await using var fold = scope.Command(sql);
        await fold.ExecuteNonQueryAsync(cancellationToken);
    }
}
