using EcoBid.Events.Contracts;

namespace EcoBid.Events.Sqlite.Tests.Sqlite;

public sealed class SqliteEventDatabaseTests : EventDatabaseContract
{
    protected override Task<IRuntimeStore> CreateStoreAsync(ManualTimeProvider clock) => SqliteRuntimeStore.CreateAsync(clock);
}
