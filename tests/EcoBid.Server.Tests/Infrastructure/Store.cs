using Dapper;
using EcoBid.Events.Storage;

namespace EcoBid.Server.Tests.Infrastructure;

/// <summary>Direct looks at the database, for assertions the API does not expose.</summary>
public static class Store
{
    public static Task<long> CountAsync(this IEventDatabase database, string sql, object? parameters = null) =>
        database.ReadAsync(connection => connection.ExecuteScalarAsync<long>(PortableSql.For(connection, sql), parameters));

    /// <summary>
    /// A time the query selects, as Unix milliseconds (0 when there is no row): SQLite keeps the runtime's times as
    /// integers, PostgreSQL as <c>timestamptz</c>.
    /// </summary>
    public static Task<long> UnixMillisAsync(this IEventDatabase database, string sql, object? parameters = null) =>
        database.ReadAsync(async connection => await connection.ExecuteScalarAsync<object?>(PortableSql.For(connection, sql), parameters) switch
        {
            null or DBNull => 0L,
            DateTime at => new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)).ToUnixTimeMilliseconds(),
            DateTimeOffset at => at.ToUnixTimeMilliseconds(),
            var number => Convert.ToInt64(number, System.Globalization.CultureInfo.InvariantCulture),
        });

    /// <summary>The id of the ItemCreated event for an item, whether it is still in the outbox or already dispatched.</summary>
    public static async Task<string> ItemCreatedEventIdAsync(this IEventDatabase database, string itemId) =>
        await database.ReadAsync(connection => connection.QuerySingleAsync<string>(
            connection is Npgsql.NpgsqlConnection
                ? """
                  SELECT envelope::jsonb ->> 'id' FROM outbox WHERE envelope::jsonb #>> '{detail,itemId}' = @itemId
                  UNION ALL
                  SELECT event_id FROM event_archive WHERE envelope::jsonb #>> '{detail,itemId}' = @itemId
                  """
                : """
                  SELECT json_extract(envelope, '$.id') FROM outbox WHERE json_extract(envelope, '$.detail.itemId') = @itemId
                  UNION ALL
                  SELECT event_id FROM event_archive WHERE json_extract(envelope, '$.detail.itemId') = @itemId
                  """,
            new { itemId }));

    /// <summary>Events of a detail-type that were committed: still in the outbox, or already dispatched and archived.</summary>
    public static Task<long> EventCountAsync(this IEventDatabase database, string detailType) =>
        database.ReadAsync(connection => connection.ExecuteScalarAsync<long>(
            connection is Npgsql.NpgsqlConnection
                ? "SELECT COUNT(*) FROM (SELECT envelope FROM outbox UNION ALL SELECT envelope FROM event_archive) AS events WHERE envelope::jsonb ->> 'detail-type' = @detailType"
                : "SELECT COUNT(*) FROM (SELECT envelope FROM outbox UNION ALL SELECT envelope FROM event_archive) AS events WHERE json_extract(envelope, '$.detail-type') = @detailType",
            new { detailType }));

    public static Task<string> ArchivedEnvelopeAsync(this IEventDatabase database, string eventId) =>
        database.ReadAsync(connection => connection.QuerySingleAsync<string>("SELECT envelope FROM event_archive WHERE event_id = @eventId", new { eventId }));
}
