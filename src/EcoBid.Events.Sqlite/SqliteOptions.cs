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

    /// <summary>
    /// How often a background checkpoint copies the WAL back into the database file, on a connection of its own
    /// (<c>PRAGMA wal_checkpoint(PASSIVE)</c>); 0 turns it off. A passive checkpoint runs beside the writer instead of
    /// inside a commit, so its fsyncs and page copies hold up no write; once it has caught up, the next write starts
    /// the log over, which keeps the log short.
    /// </summary>
    public int CheckpointIntervalMilliseconds { get; set; } = 200;

    /// <summary>
    /// WAL frames (pages) after which a commit checkpoints the log itself (SQLite's <c>wal_autocheckpoint</c>; its
    /// default is 1000): the backstop behind the background checkpoint, for when that one falls behind or is off. A
    /// checkpoint in a commit holds up every other write and costs two fsyncs plus a copy of each page changed since
    /// the last one. With <c>NORMAL</c> the log is synced only at a checkpoint, but the OS writes it back on its own
    /// within seconds either way.
    /// </summary>
    public int WalAutoCheckpointPages { get; set; } = 10_000;

    /// <summary>
    /// How much of the file read connections map into memory (<c>PRAGMA mmap_size</c>); 0 turns it off. Reads through
    /// the map skip a system call and a copy per page, which halves the cost of the row lookups searches make by id.
    /// </summary>
    public long MmapSizeBytes { get; set; } = 1L << 30;

    /// <summary>On start, make messages that a previous run of this process had received visible again at once.</summary>
    public bool ReleaseInFlightOnStart { get; set; } = true;
}
