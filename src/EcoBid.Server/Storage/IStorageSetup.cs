namespace EcoBid.Server.Storage;

/// <summary>What the chosen database needs before the server serves: its schema, and crash leftovers to clear.</summary>
public interface IStorageSetup
{
    /// <summary>Where the state lives, for the start-up log line (a path, or a host and database, never a password).</summary>
    string Location { get; }

    /// <summary>Brings the runtime's and the application's schema up to date.</summary>
    Task MigrateAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Makes messages that a crashed predecessor had received visible again, and returns how many. Only a store that
    /// one process owns can tell that every received message is orphaned; a shared one waits for visibility timeouts.
    /// </summary>
    Task<int> ReleaseOrphanedReceivesAsync(CancellationToken cancellationToken);
}
