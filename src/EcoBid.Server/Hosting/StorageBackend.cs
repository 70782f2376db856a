namespace EcoBid.Server.Hosting;

/// <summary>Where state, outbox, inbox, timers and archive live (setting <c>Storage</c>).</summary>
public enum StorageBackend
{
    /// <summary>One SQLite file in the data folder: the embedded default.</summary>
    Sqlite,

    /// <summary>PostgreSQL, shared by any number of api and worker processes (docs/scale-out.md).</summary>
    Postgres,
}
