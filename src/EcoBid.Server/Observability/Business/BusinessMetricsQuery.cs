using System.Data.Common;
using Dapper;
using EcoBid.Server.Storage;

namespace EcoBid.Server.Observability.Business;

/// <summary>
/// Reads the business figures per hour: event counts from the archive (through <c>ix_event_archive_business</c>, an
/// index over just the event types counted here, so the hot path pays for it on those events only) and account
/// growth from <c>users.created_at</c> (indexed).
/// </summary>
public static class BusinessMetricsQuery
{
    public static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    /// <summary>The detail-types counted; the same list, in the same words, as the index's WHERE clause.</summary>
    internal const string CountedTypes = "('ItemCreated', 'ReservationCreated', 'ReservationCompleted', 'ReservationCancelled', 'ReservationExpired', 'AuctionEnded')";

    internal const string Events = $"""
        SELECT (event_time - @from) / @bucket AS Bucket, detail_type AS DetailType, COUNT(*) AS Count,
               SUM(CASE detail_type
                   WHEN 'ItemCreated' THEN json_extract(envelope, '$.detail.mode') = 'free'
                   WHEN 'ReservationCreated' THEN COALESCE(json_extract(envelope, '$.detail.origin'), 'reserve') <> 'auction'
                   WHEN 'ReservationExpired' THEN COALESCE(json_extract(envelope, '$.detail.noShow'), 1) = 1
                   WHEN 'AuctionEnded' THEN json_extract(envelope, '$.detail.sold') = 1
                   ELSE 0 END) AS Marked
        FROM event_archive
        WHERE detail_type IN {CountedTypes} AND event_time >= @from AND event_time < @to
        GROUP BY Bucket, detail_type
        """;

    /// <summary>
    /// The same on PostgreSQL, where the archive's times are timestamptz (the bucket from their unix milliseconds) and
    /// the flags are read as JSON text, through the same partial index (<c>ix_event_archive_business</c>).
    /// </summary>
    internal const string EventsOnPostgres = $$"""
        SELECT FLOOR((EXTRACT(EPOCH FROM event_time) * 1000 - @from) / @bucket)::bigint AS Bucket, detail_type AS DetailType, COUNT(*) AS Count,
               SUM(CASE WHEN CASE detail_type
                   WHEN 'ItemCreated' THEN ecobid_json(envelope) #>> '{detail,mode}' = 'free'
                   WHEN 'ReservationCreated' THEN COALESCE(ecobid_json(envelope) #>> '{detail,origin}', 'reserve') <> 'auction'
                   WHEN 'ReservationExpired' THEN COALESCE(ecobid_json(envelope) #>> '{detail,noShow}', 'true') IN ('true', '1')
                   WHEN 'AuctionEnded' THEN ecobid_json(envelope) #>> '{detail,sold}' IN ('true', '1')
                   ELSE false END THEN 1 ELSE 0 END)::bigint AS Marked
        FROM event_archive
        WHERE detail_type IN {{CountedTypes}} AND event_time >= @fromTime AND event_time < @toTime
        GROUP BY 1, detail_type
        """;

    internal const string Users = "SELECT (created_at - @from) / @bucket, COUNT(*) FROM users WHERE created_at >= @from AND created_at < @to GROUP BY 1";

    /// <summary>
    /// The whole hours (UTC) that cover [<paramref name="from"/>, <paramref name="to"/>): both ends are rounded out to
    /// the hour, so every bucket is a clock hour.
    /// </summary>
    public static Task<BusinessSeries> HourlyAsync(DbConnection connection, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var start = Floor(from);
        var end = Floor(to) == to ? to : Floor(to) + Hour;
        return ReadAsync(connection, start, end, Hour, cancellationToken);
    }

    /// <summary>The figures of [<paramref name="from"/>, <paramref name="to"/>) in buckets of <paramref name="bucket"/>, from <paramref name="from"/> on.</summary>
    public static async Task<BusinessSeries> ReadAsync(DbConnection connection, DateTimeOffset from, DateTimeOffset to, TimeSpan bucket, CancellationToken cancellationToken)
    {
        var bucketMs = (long)bucket.TotalMilliseconds;
        var window = new { from = from.ToUnixTimeMilliseconds(), to = to.ToUnixTimeMilliseconds(), bucket = bucketMs, fromTime = from.ToUniversalTime(), toTime = to.ToUniversalTime() };
        var events = (await connection.QueryAsync<EventRow>(new CommandDefinition(SqlDialects.Of(connection) == SqlDialect.Postgres ? EventsOnPostgres : Events, window, cancellationToken: cancellationToken)))
            .ToDictionary(r => (r.Bucket, r.DetailType));
        var users = (await connection.QueryAsync<(long Bucket, long Count)>(new CommandDefinition(Users, window, cancellationToken: cancellationToken)))
            .ToDictionary(r => r.Bucket, r => r.Count);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM users WHERE created_at < @from", window, cancellationToken: cancellationToken));

        var buckets = new List<BusinessHour>();
        for (long index = 0; from + (bucket * index) < to; index++)
        {
            EventRow Of(string type) => events.GetValueOrDefault((index, type)) ?? new EventRow();
            var items = Of("ItemCreated");
            var reservations = Of("ReservationCreated");
            var completed = Of("ReservationCompleted").Count;
            var expired = Of("ReservationExpired");
            var closed = completed + Of("ReservationCancelled").Count + expired.Count;
            var auctions = Of("AuctionEnded");
            var registered = users.GetValueOrDefault(index);
            total += registered;
            buckets.Add(new BusinessHour(
                from + (bucket * index),
                items.Count, items.Marked,
                reservations.Marked, Rate(reservations.Marked, items.Marked),
                completed, closed, Rate(completed, closed),
                expired.Marked, Rate(expired.Marked, closed),
                auctions.Count, auctions.Marked, Rate(auctions.Marked, auctions.Count),
                registered, total));
        }

        return new BusinessSeries(from, to, buckets);
    }

    private static DateTimeOffset Floor(DateTimeOffset time) =>
        DateTimeOffset.FromUnixTimeMilliseconds(time.ToUnixTimeMilliseconds() / (long)Hour.TotalMilliseconds * (long)Hour.TotalMilliseconds);

    private static double? Rate(long part, long whole) => whole == 0 ? null : (double)part / whole;

    private sealed class EventRow
    {
        public long Bucket { get; init; }

        public string DetailType { get; init; } = string.Empty;

        public long Count { get; init; }

        public long Marked { get; init; }
    }
}
