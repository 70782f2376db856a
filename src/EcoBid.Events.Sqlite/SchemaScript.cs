namespace EcoBid.Events.Sqlite;

/// <summary>One forward-only schema step of a component (the runtime, or the application's state).</summary>
public sealed record SchemaScript(string Component, int Version, string Sql);
