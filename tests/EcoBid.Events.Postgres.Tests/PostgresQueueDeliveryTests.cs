using EcoBid.Events.Contracts;

namespace EcoBid.Events.Postgres.Tests;

public sealed class PostgresQueueDeliveryTests : QueueDeliveryContract
{
    protected override async Task<IRuntimeStore> CreateStoreAsync(ManualTimeProvider clock) => await PostgresRuntimeStore.CreateAsync(clock);
}
