using EcoBid.Events.Postgres;
using EcoBid.Server.Observability.Business;

namespace EcoBid.Server.Observability;

/// <summary>
/// <see cref="ObservabilitySchema"/> on PostgreSQL. The correlation index is on the expression the trace query uses
/// (<c>(envelope::jsonb ->> 'correlation-id')</c>), so the planner can use it.
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
