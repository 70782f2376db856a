using EcoBid.Events.Contracts;

namespace EcoBid.Events.Postgres.Tests;

/// <summary>
/// Two processes on one fresh schema: each a store of its own (data source, lease, signals), sharing a clock that
/// stands still until a test moves it.
/// </summary>
public abstract class TwoProcesses : IAsyncLifetime
{
    protected ManualTimeProvider Clock { get; } = new(new DateTimeOffset(2030, 3, 1, 9, 0, 0, TimeSpan.Zero));

    protected PostgresRuntimeStore First { get; private set; } = null!;

    protected PostgresRuntimeStore Second { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        First = await PostgresRuntimeStore.CreateAsync(Clock);
        Second = await First.OpenAnotherAsync();
    }

    public async Task DisposeAsync()
    {
        await Second.DisposeAsync();
        await First.DisposeAsync();
    }
}
