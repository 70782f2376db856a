using EcoBid.Events.Contracts;

namespace EcoBid.Events.Postgres.Tests;

public sealed class PostgresOutboxTests : OutboxContract
{
    protected override async Task<IRuntimeStore> CreateStoreAsync(ManualTimeProvider clock) => await PostgresRuntimeStore.CreateAsync(clock);
}
