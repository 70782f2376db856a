using EcoBid.Events.Postgres;
using EcoBid.Server.Observability.Business;

namespace EcoBid.Server.Observability;

/// <summary>
/// <see cref="ObservabilitySchema"/> on PostgreSQL. Envelopes are read as JSON through <c>ecobid_json</c>, which gives
/// null for text jsonb refuses (a string holding <c>\u0000</c>, which an admin's custom event may carry) instead of
/// failing: a plain cast in the correlation index would make archiving such an event fail, and the relay with it. The
/// index is on the expression the trace query uses, so the planner can use it.
/// </summary>
public static class ObservabilityPostgresSchema
{
    public static IReadOnlyList<PostgresSchemaScript> Scripts { get; } =
    [
        new("observability", 1, $"""
            CREATE FUNCTION ecobid_json(document text) RETURNS jsonb LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $body$
            BEGIN
                RETURN document::jsonb;
            EXCEPTION WHEN others THEN
                RETURN NULL;
            END
            $body$;
            CREATE INDEX ix_event_archive_correlation ON event_archive ((ecobid_json(envelope) ->> 'correlation-id'));
            CREATE INDEX ix_event_archive_business ON event_archive (detail_type, event_time) WHERE detail_type IN {BusinessMetricsQuery.CountedTypes};
            CREATE INDEX ix_users_created ON users (created_at);
            """),
    ];
}
