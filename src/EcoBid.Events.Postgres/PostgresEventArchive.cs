using EcoBid.Events.Archive;
using EcoBid.Events.Storage;
using Npgsql;

namespace EcoBid.Events.Postgres;

/// <summary>The archive the outbox dispatch fills, read with a keyset on (event_time, seq) as the SQLite one is.</summary>
public sealed class PostgresEventArchive(PostgresDatabase database) : IEventArchive
{
    public Task<IReadOnlyList<ArchivedEvent>> ReadAsync(EventTimeRange range, ArchivePosition? after, int max, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<ArchivedEvent>>(async connection =>
        {
            await using var command = PostgresCommands.Create(
                (NpgsqlConnection)connection,
                """
                SELECT seq, event_time, event_id, source, detail_type, envelope
                FROM event_archive
                WHERE event_time >= @from AND event_time < @to AND (@first OR (event_time, seq) > (@afterTime, @afterSeq))
                ORDER BY event_time, seq
                LIMIT @max
                """,
                ("from", Millisecond(range.From)), ("to", Millisecond(range.To)), ("first", after is null),
                ("afterTime", after?.Time ?? range.From), ("afterSeq", after?.Sequence ?? 0L), ("max", max));
            var events = new List<ArchivedEvent>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var position = new ArchivePosition(PostgresValues.Time(reader, 1), reader.GetInt64(0));
                events.Add(new ArchivedEvent(position, reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5)));
            }

            return events;
        }, cancellationToken);

    public Task<long> CountAsync(EventTimeRange range, CancellationToken cancellationToken) =>
        database.ReadAsync(async connection =>
        {
            await using var command = PostgresCommands.Create(
                (NpgsqlConnection)connection,
                "SELECT COUNT(*) FROM event_archive WHERE event_time >= @from AND event_time < @to",
                ("from", Millisecond(range.From)), ("to", Millisecond(range.To)));
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken));
        }, cancellationToken);

    public async Task<int> PruneAsync(IWriteScope scope, DateTimeOffset cutOff)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var command = PostgresCommands.Create(scope, "DELETE FROM event_archive WHERE event_time < @cutOff", ("cutOff", cutOff));
        return await command.ExecuteNonQueryAsync(scope.CancellationToken);
    }

    /// <summary>Ranges are compared to the millisecond (<see cref="EventTimeRange"/>), as the embedded archive stores them.</summary>
    private static DateTimeOffset Millisecond(DateTimeOffset time) => DateTimeOffset.FromUnixTimeMilliseconds(time.ToUnixTimeMilliseconds());
}
