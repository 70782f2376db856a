using EcoBid.Events.Postgres;
using EcoBid.Server.Observability.Business;

namespace EcoBid.Server.Observability;

/// <summary>
/// The indexes of <see cref="ObservabilitySchema"/> on PostgreSQL. The correlation id is read from the archived
/// envelope (text in the runtime's table) as <c>envelope::jsonb -&gt;&gt; 'correlation-id'</c>: a query must use that
/// very expression for the index to serve it.
/// </summary>
public static class ObservabilityPostgresSchema
{
    public static IReadOnlyList<PostgresSchemaScript> Scripts { get; } =
    [
        new("observability", 1, $"""
            CREATE INDEX ix_event_archive_correlation ON event_archive (((envelope::jsonb) ->> 'correlation-id'));
            CREATE INDEX ix_event_archive_business ON event_archive (detail_type, event_time) WHERE detail_type IN {BusinessMetricsQuery.CountedTypes};
            CREATE INDEX ix_users_created ON users (created_at);
            """),
    ];
}
