using System.Runtime.InteropServices;

namespace EcoBid.Bench;

/// <summary>What the figures were measured on.</summary>
internal sealed record MachineInfo(
    int Cores,
    string Cpu,
    string Os,
    string Runtime,
    string Sqlite,
    string FileSystem,
    string LoadAverage,
    DateTimeOffset Date)
{
    public static MachineInfo Capture(string dataParent) => new(
        Environment.ProcessorCount,
        CpuModel(),
        RuntimeInformation.OSDescription,
        $"{RuntimeInformation.FrameworkDescription} ({RuntimeInformation.ProcessArchitecture}, {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC)",
        SqliteVersion(),
        FileSystemOf(dataParent),
        LoadAverageNow(),
        DateTimeOffset.UtcNow);

    /// <summary>The 1, 5 and 15 minute load averages (Linux), a sign of how much else the cores were doing.</summary>
    public static string LoadAverageNow()
    {
        try
        {
            var parts = File.ReadAllText("/proc/loadavg").Split(' ');
            return $"{parts[0]} {parts[1]} {parts[2]}";
        }
        catch (IOException)
        {
            return "n/a";
        }
        catch (UnauthorizedAccessException)
        {
            return "n/a";
        }
    }

    private static string CpuModel()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return line is null ? "n/a" : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
        }
        catch (IOException)
        {
            return "n/a";
        }
        catch (UnauthorizedAccessException)
        {
            return "n/a";
        }
    }

    private static string SqliteVersion()
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT sqlite_version()";
        return $"SQLite {command.ExecuteScalar()}";
    }

    /// <summary>The mount the data directories live on (a tmpfs would flatter the write figures).</summary>
    private static string FileSystemOf(string directory)
    {
        try
        {
            var full = Path.GetFullPath(directory);
            var best = (Mount: string.Empty, Type: "n/a", Device: string.Empty);
            foreach (var line in File.ReadLines("/proc/mounts"))
            {
                var fields = line.Split(' ');
                if (fields.Length < 3)
                {
                    continue;
                }

                var mount = fields[1];
                var covers = full == mount || full.StartsWith(mount.EndsWith('/') ? mount : mount + "/", StringComparison.Ordinal);
                if (covers && mount.Length >= best.Mount.Length)
                {
                    best = (mount, fields[2], fields[0]);
                }
            }

            return $"{full} on {best.Type} ({best.Device} at {best.Mount})";
        }
        catch (IOException)
        {
            return directory;
        }
        catch (UnauthorizedAccessException)
        {
            return directory;
        }
    }
}
