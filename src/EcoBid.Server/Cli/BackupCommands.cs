using System.CommandLine;
using System.Globalization;
using EcoBid.Server.Backups;
using EcoBid.Server.Hosting;
using Spectre.Console;

namespace EcoBid.Server.Cli;

/// <summary><c>ecobid backup create|verify|restore|list</c>: backups of the data folder, with or without the server running.</summary>
internal static class BackupCommands
{
    public const int Failed = 1;

    public static Command Create()
    {
        var to = new Option<string?>("--to") { Description = "The folder to write the backup into (default Backups:Directory, ecobid-backups beside the data folder)" };
        var create = new Command("create", "Takes a consistent copy of the database (while the server runs, too) and the data folder's files, with a manifest of checksums.") { to };
        create.SetAction(async (result, cancellationToken) =>
        {
            var configuration = Configuration();
            var directory = result.GetValue(to) is { Length: > 0 } chosen ? Path.GetFullPath(chosen) : BackupOptions.DirectoryFor(configuration);
            return await RunAsync(result, async () =>
            {
                var (folder, manifest) = await BackupWriter.CreateAsync(
                    EcoBidPaths.DataDir(configuration), EcoBidPaths.DatabasePath(configuration), directory, TimeProvider.System, cancellationToken);
                result.InvocationConfiguration.Output.WriteLine(
                    $"{folder}: database {Size(manifest.Database.Size)}, {manifest.Files.Count} files ({Size(manifest.Files.Sum(f => f.Size))}), as of {Time(manifest.SnapshotAt)}");
                return 0;
            });
        });

        var folderToVerify = new Argument<string>("folder") { Description = "A backup folder (it holds manifest.json)" };
        var verify = new Command("verify", "Checks every file of a backup against its manifest's sizes and SHA-256 checksums, and runs SQLite's integrity check on the database copy.") { folderToVerify };
        verify.SetAction(async (result, cancellationToken) => await RunAsync(result, async () =>
        {
            var folder = Path.GetFullPath(result.GetValue(folderToVerify)!);
            var (manifest, problems) = await BackupVerifier.VerifyAsync(folder, cancellationToken);
            foreach (var problem in problems)
            {
                result.InvocationConfiguration.Error.WriteLine(problem);
            }

            result.InvocationConfiguration.Output.WriteLine(problems.Count == 0
                ? $"{folder}: sound ({manifest.Files.Count + 1} files, integrity ok), as of {Time(manifest.SnapshotAt)}, EcoBid {manifest.EcoBidVersion}"
                : $"{folder}: {problems.Count} problems");
            return problems.Count == 0 ? 0 : Failed;
        }));

        var folderToRestore = new Argument<string>("folder") { Description = "The backup folder to restore" };
        var dataDir = new Option<string?>("--data-dir") { Description = "The data folder to restore into (default ECOBID_DATA_DIR)" };
        var force = new Option<bool>("--force") { Description = "Overwrite a data folder that already holds data" };
        var restore = new Command("restore", "Restores a backup (after verifying it) into a data folder no server is running on; refuses to overwrite data without --force.") { folderToRestore, dataDir, force };
        restore.SetAction(async (result, cancellationToken) => await RunAsync(result, async () =>
        {
            var target = result.GetValue(dataDir) is { Length: > 0 } chosen ? Path.GetFullPath(chosen) : EcoBidPaths.DataDir(Configuration());
            var manifest = await BackupRestorer.RestoreAsync(Path.GetFullPath(result.GetValue(folderToRestore)!), target, result.GetValue(force), cancellationToken);
            result.InvocationConfiguration.Output.WriteLine($"Restored {target} as of {Time(manifest.SnapshotAt)} ({manifest.Files.Count} files besides the database).");
            return 0;
        }));

        var list = new Command("list", "Lists the complete backups in the backup folder, newest first.");
        list.SetAction(async (result, cancellationToken) => await RunAsync(result, async () =>
        {
            var directory = BackupOptions.DirectoryFor(Configuration());
            var table = CliConsole.Table(["backup", "as of", "database", "files", "EcoBid"], "backup");
            foreach (var folder in BackupWriter.List(directory))
            {
                var manifest = await BackupWriter.ReadManifestAsync(folder, cancellationToken);
                table.AddRow(folder, Time(manifest.SnapshotAt), Size(manifest.Database.Size), manifest.Files.Count.ToString(CultureInfo.InvariantCulture), manifest.EcoBidVersion);
            }

            CliConsole.Create(result).Write(table);
            return 0;
        }));

        return new Command("backup", "Backups of the database and data files.") { create, verify, restore, list };
    }

    private static async Task<int> RunAsync(ParseResult result, Func<Task<int>> action)
    {
        if (BackupOptions.StateIsOnPostgres(Configuration()))
        {
            result.InvocationConfiguration.Error.WriteLine(BackupOptions.PostgresMessage);
            return Failed;
        }

        try
        {
            return await action();
        }
        catch (Exception ex) when (ex is BackupException or IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            result.InvocationConfiguration.Error.WriteLine(ex.Message);
            return Failed;
        }
    }

    /// <summary>The settings the server would read (appsettings.json beside the executable, then environment variables).</summary>
    private static IConfiguration Configuration() => new ConfigurationBuilder()
        .SetBasePath(AppContext.BaseDirectory)
        .AddJsonFile("appsettings.json", optional: true)
        .AddEnvironmentVariables()
        .Build();

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    private static string Size(long bytes) => bytes >= 1 << 20
        ? $"{(bytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture)} MiB"
        : $"{(bytes / 1024.0).ToString("0.0", CultureInfo.InvariantCulture)} KiB";
}
