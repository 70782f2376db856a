using EcoBid.Events.Signals;
using EcoBid.Events.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace EcoBid.Server.Tests.Infrastructure;

/// <summary>A test with an empty SQLite file of its own and no server: for migrations applied step by step.</summary>
public abstract class ScratchDatabaseTest : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "ecobid-tests", Guid.NewGuid().ToString("N"));

    protected SqliteDatabase Database { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Database = new SqliteDatabase(Options.Create(new SqliteOptions { Path = Path.Combine(_directory, "ecobid.db") }), new RuntimeSignals(), TimeProvider.System);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await Database.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
