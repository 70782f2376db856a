using EcoBid.Web.Services.Console;
using Microsoft.Extensions.DependencyInjection;

namespace EcoBid.Web.Tests;

/// <summary>The console's queue-depth sampler outlives a sample that fails, even one its source cancelled on its own.</summary>
public sealed class ConsoleHistorySamplingTests
{
    [Fact]
    public async Task A_depth_source_that_gives_up_on_its_own_leaves_a_gap_and_the_sampler_keeps_running()
    {
        // What RabbitMQ.Client throws when the broker restarts under a passive declare: its own timeout's cancellation.
        var source = new TimingOutSource();
        await using var services = new ServiceCollection().AddSingleton<IQueueDepthSource>(source).BuildServiceProvider();
        using var history = new ConsoleHistory(services, TimeProvider.System);

        await history.StartAsync(CancellationToken.None);
        await source.Called.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await Task.Delay(200);

        history.ExecuteTask.ShouldNotBeNull().IsCompleted.ShouldBeFalse("a failed sample ended the sampler, and with it the host");
        history.Depth().ShouldBeEmpty();
        await history.StopAsync(CancellationToken.None);
    }

    private sealed class TimingOutSource : IQueueDepthSource
    {
        public TaskCompletionSource Called { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<IReadOnlyDictionary<string, long>> DepthsAsync(CancellationToken cancellationToken)
        {
            Called.TrySetResult();
            return Task.FromException<IReadOnlyDictionary<string, long>>(new OperationCanceledException("The operation was canceled."));
        }
    }
}
