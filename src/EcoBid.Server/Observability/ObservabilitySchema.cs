using EcoBid.Events.Sqlite;
using EcoBid.Server.Observability.Business;

namespace EcoBid.Server.Observability;

/// <summary>
/// Indexes the operator's queries need: events by correlation id (<c>GET /admin/trace/…</c>), the counted event types
/// by time (business metrics; partial, so other events do not pay for it), and accounts by creation time.
/// </summary>
public static class ObservabilitySchema
{
    public static IReadOnlyList<SchemaScript> Scripts { get; } =
    [
        new("observability", 1, $"""
            CREATE INDEX ix_event_archive_correlation ON event_archive (json_extract(envelope, '$."correlation-id"'));
            CREATE INDEX ix_event_archive_business ON event_archive (detail_type, event_time) WHERE detail_type IN {BusinessMetricsQuery.CountedTypes};
            CREATE INDEX ix_users_created ON users (created_at);
            """),
    ];
}
