using EcoBid.Events.Archive;
using EcoBid.Events.Storage;
using Microsoft.Data.Sqlite;

namespace EcoBid.Events.Sqlite;

/// <summary>
/// The archive table the outbox dispatch fills. Reads walk the (event_time, seq) index with a keyset, so every batch
/// of a long replay costs the same; pruning uses the same index.
/// </summary>
public sealed class SqliteEventArchive(SqliteDatabase database) : IEventArchive
{
    public Task<IReadOnlyList<ArchivedEvent>> ReadAsync(EventTimeRange range, ArchivePosition? after, int max, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<ArchivedEvent>>(async connection =>
        {
            await using var command = (SqliteCommand)connection.CreateCommand();
            command.CommandText = """
                SELECT seq, event_time, event_id, source, detail_type, envelope
                FROM event_archive
                WHERE event_time >= $from AND event_time < $to AND (event_time, seq) > ($afterTime, $afterSeq)
                ORDER BY event_time, seq
                LIMIT $max
                """;
            command.Parameters.AddWithValue("$from", range.From.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$to", range.To.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$afterTime", after?.Time.ToUnixTimeMilliseconds() ?? long.MinValue);
            command.Parameters.AddWithValue("$afterSeq", after?.Sequence ?? long.MinValue);
            command.Parameters.AddWithValue("$max", max);
            var events = new List<ArchivedEvent>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var position = new ArchivePosition(DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)), reader.GetInt64(0));
                events.Add(new ArchivedEvent(position, reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5)));
            }

            return events;
        }, cancellationToken);

    public Task<long> CountAsync(EventTimeRange range, CancellationToken cancellationToken) =>
        database.ReadAsync(async connection =>
        {
            await using var command = (SqliteCommand)connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM event_archive WHERE event_time >= $from AND event_time < $to";
            command.Parameters.AddWithValue("$from", range.From.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$to", range.To.ToUnixTimeMilliseconds());
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken));
        }, cancellationToken);

    public async Task<int> PruneAsync(IWriteScope scope, DateTimeOffset cutOff)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var command = scope.Command("DELETE FROM event_archive WHERE event_time < $cutOff", ("$cutOff", cutOff.ToUnixTimeMilliseconds()));
        return await command.ExecuteNonQueryAsync(scope.CancellationToken);
    }
}
