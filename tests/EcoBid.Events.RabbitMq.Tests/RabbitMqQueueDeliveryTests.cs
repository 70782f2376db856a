using EcoBid.Events.Contracts;

namespace EcoBid.Events.RabbitMq.Tests;

public sealed class RabbitMqQueueDeliveryTests : QueueDeliveryContract
{
    protected override async Task<IRuntimeStore> CreateStoreAsync(ManualTimeProvider clock) => await RabbitMqRuntimeStore.CreateAsync(clock);
}
