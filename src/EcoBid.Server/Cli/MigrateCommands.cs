using System.CommandLine;
using System.Globalization;
using EcoBid.Server.Storage.Migration;
using Spectre.Console;

namespace EcoBid.Server.Cli;

/// <summary><c>ecobid migrate --from FILE --to CONNECTION</c>: an embedded community moved to PostgreSQL.</summary>
internal static class MigrateCommands
{
    public const int Failed = 1;

    public static Command Create()
    {
        var from = new Option<string>("--from") { Description = "The SQLite database file (data/ecobid.db); stop the server on it first", Required = true };
        var to = new Option<string>("--to") { Description = "An Npgsql connection string to an empty PostgreSQL database (Host=…;Database=…;Username=…;Password=…)", Required = true };
        var command = new Command("migrate", "Copies every table of an embedded SQLite database into an empty PostgreSQL database, with progress per table and a count of both sides at the end.") { from, to };
        command.SetAction(async (result, cancellationToken) =>
        {
            var console = CliConsole.Create(result);
            var migration = new SqliteToPostgresMigration(Path.GetFullPath(result.GetValue(from)!), result.GetValue(to)!, TimeProvider.System);
            IReadOnlyList<TableCopy> copies;
            try
            {
                copies = await console.Progress().AutoClear(false).StartAsync(async progress =>
                {
                    var tasks = new Dictionary<string, ProgressTask>(StringComparer.Ordinal);
                    return await migration.RunAsync(copy =>
                    {
                        if (!tasks.TryGetValue(copy.Table, out var task))
                        {
                            task = tasks[copy.Table] = progress.AddTask(copy.Table, maxValue: Math.Max(1, copy.SourceRows));
                        }

                        task.Value = copy.SourceRows == 0 ? 1 : copy.Copied;
                    }, cancellationToken);
                });
            }
            catch (MigrationException ex)
            {
                result.InvocationConfiguration.Error.WriteLine(ex.Message);
                return Failed;
            }

            var table = CliConsole.Table(["table", "sqlite rows", "postgres rows", "check"], "table");
            foreach (var copy in copies)
            {
                table.AddRow(copy.Table, Count(copy.SourceRows), Count(copy.TargetRows ?? 0), copy.Matches ? "ok" : "MISMATCH");
            }

            console.Write(table);
            var mismatched = copies.Count(c => !c.Matches);
            result.InvocationConfiguration.Output.WriteLine(mismatched == 0
                ? $"Migrated {copies.Sum(c => c.SourceRows).ToString("N0", CultureInfo.InvariantCulture)} rows in {copies.Count} tables; every count matches. Start EcoBid with Storage=postgres."
                : $"{mismatched} tables do not match; do not switch to this database.");
            return mismatched == 0 ? 0 : Failed;
        });
        return command;
    }

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
