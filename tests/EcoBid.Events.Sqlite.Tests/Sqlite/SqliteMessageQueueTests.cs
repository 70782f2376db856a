using EcoBid.Events.Contracts;

namespace EcoBid.Events.Sqlite.Tests.Sqlite;

public sealed class SqliteMessageQueueTests : MessageQueueContract
{
    protected override Task<IRuntimeStore> CreateStoreAsync(ManualTimeProvider clock) => SqliteRuntimeStore.CreateAsync(clock);
}
