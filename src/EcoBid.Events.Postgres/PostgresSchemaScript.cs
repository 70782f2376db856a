namespace EcoBid.Events.Postgres;

/// <summary>One forward-only schema step of a component (the runtime, or the application's state), versioned as the SQLite ones are.</summary>
public sealed record PostgresSchemaScript(string Component, int Version, string Sql);
