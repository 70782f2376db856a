using EcoBid.Server.Hosting;

namespace EcoBid.Server.Backups;

/// <summary>Configuration section <c>Backups</c> (the seeds' <c>ecobid-backups</c> bucket is a folder here).</summary>
public sealed class BackupOptions
{
    public const string Section = "Backups";

    /// <summary>Where scheduled and manual backups go; default <c>ecobid-backups</c> beside the data folder.</summary>
    public string? Directory { get; set; }

    /// <summary>How many backups the server keeps in <see cref="Directory"/>; older ones are deleted after each new one.</summary>
    public int Keep { get; set; } = 7;

    /// <summary>
    /// Replaces the expression of the <c>Backup</c> schedule in <c>rules/schedules.json</c> (daily at 03:00 UTC), in
    /// EventBridge Scheduler's syntax; <c>off</c> stops scheduled backups.
    /// </summary>
    public string? Schedule { get; set; }

    public static string DirectoryFor(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration[$"{Section}:{nameof(Directory)}"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured);
        }

        var data = EcoBidPaths.DataDir(configuration).TrimEnd(Path.DirectorySeparatorChar);
        return Path.Combine(Path.GetDirectoryName(data) ?? data, "ecobid-backups");
    }

    /// <summary>Why EcoBid takes no backups of a deployment whose state is on PostgreSQL.</summary>
    public const string PostgresMessage =
        "This server keeps its state in PostgreSQL: back it up with PostgreSQL's tools (pg_dump, or base backups with WAL archiving). " +
        "EcoBid's backups copy the embedded SQLite file and the data folder (docs/operations.md).";

    public static bool StateIsOnPostgres(IConfiguration configuration) =>
        string.Equals(configuration?["Storage"]?.Trim(), "postgres", StringComparison.OrdinalIgnoreCase);
}
