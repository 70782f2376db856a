using EcoBid.Events.Contracts;

namespace EcoBid.Events.Sqlite.Tests.Sqlite;

public sealed class SqliteInboxTests : InboxContract
{
    protected override Task<IRuntimeStore> CreateStoreAsync(ManualTimeProvider clock) => SqliteRuntimeStore.CreateAsync(clock);
}
