namespace EcoBid.Events.Sqlite;

/// <summary>Where the embedded database lives and how hard it syncs (configuration section <c>Sqlite</c>).</summary>
public sealed class SqliteOptions
{
    public const string Section = "Sqlite";

    /// <summary>Path of the database file.</summary>
    public string Path { get; set; } = "data/ecobid.db";

    /// <summary>
    /// <c>NORMAL</c> (default) survives a process crash, kill -9 included, with no loss: WAL frames are in the OS
    /// before a commit returns. Only a power cut or kernel crash can roll back the last commits. <c>FULL</c> also
    /// survives those, at a cost in write rate (see docs/operations.md).
    /// </summary>
    public string Synchronous { get; set; } = "NORMAL";

    /// <summary>On start, make messages that a previous run of this process had received visible again at once.</summary>
    public bool ReleaseInFlightOnStart { get; set; } = true;
}
