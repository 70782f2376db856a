using Microsoft.Data.Sqlite;

namespace EcoBid.Events.Sqlite.Tests.Infrastructure;

/// <summary>A runtime database file in a temporary folder; each <see cref="ConnectAsync"/> is one process on it.</summary>
public sealed class RuntimeFile : IDisposable
{
    private readonly List<RuntimeNode> _nodes = [];

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "ecobid-sqlite-tests", Guid.NewGuid().ToString("N"));

    public string DatabasePath => Path.Combine(Folder, "runtime.db");

    /// <summary>A new process on the file: its own connections, signals and clock.</summary>
    public async Task<RuntimeNode> ConnectAsync(TimeProvider? clock = null)
    {
        var node = new RuntimeNode(DatabasePath, clock ?? TimeProvider.System);
        await node.Database.MigrateAsync([]);
        _nodes.Add(node);
        return node;
    }

    public void Dispose()
    {
        foreach (var node in _nodes)
        {
            node.Dispose();
        }

        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open only costs disk space in the temp folder.
        }
    }
}
