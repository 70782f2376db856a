using EcoBid.Events.Contracts;

namespace EcoBid.Events.Sqlite.Tests.Sqlite;

public sealed class SqliteOutboxTests : OutboxContract
{
    protected override Task<IRuntimeStore> CreateStoreAsync(ManualTimeProvider clock) => SqliteRuntimeStore.CreateAsync(clock);
}
