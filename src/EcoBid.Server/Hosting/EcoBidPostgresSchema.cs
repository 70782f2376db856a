using EcoBid.Events.Postgres;

namespace EcoBid.Server.Hosting;

/// <summary>Every PostgreSQL schema script of the application's own state (the runtime brings its own).</summary>
public static class EcoBidPostgresSchema
{
    public static IReadOnlyList<PostgresSchemaScript> Scripts { get; } = [];
}
