using EcoBid.Server.Tests.Infrastructure;
using EcoBid.Server.Workflows.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace EcoBid.Server.Tests.Workflows;

/// <summary>
/// On PostgreSQL, transactions that advance one execution take turns: each reads the execution with a row lock
/// first. Without the turns, a task's timeout and its callback advanced together and deadlocked on each other's
/// token and history rows.
/// </summary>
public sealed class ExecutionTurnsTests : IDisposable
{
    private readonly WorkflowTestApp _app = new();

    public ExecutionTurnsTests() => _app.OnPostgres();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_second_transaction_reading_an_execution_waits_until_the_first_ends_and_another_execution_does_not_wait()
    {
        await _app.CreateAsync("Waits", """{ "StartAt": "W", "States": { "W": { "Type": "Wait", "Seconds": 3600, "End": true } } }""");
        var first = await _app.StartAsync("Waits");
        var other = await _app.StartAsync("Waits");
        var store = _app.Services.GetRequiredService<IWorkflowStore>();
        var holding = new TaskCompletionSource();
        var release = new TaskCompletionSource();

        var holder = _app.Database.WriteAsync(async scope =>
        {
            (await store.FindExecutionAsync(scope, first)).ShouldNotBeNull();
            holding.SetResult();
            await release.Task;
            return 0;
        });
        await holding.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var otherRead = _app.Database.WriteAsync(async scope => await store.FindExecutionAsync(scope, other));
        (await otherRead.WaitAsync(TimeSpan.FromSeconds(30))).ShouldNotBeNull("another execution is not held up");

        var waiter = _app.Database.WriteAsync(async scope => await store.FindExecutionAsync(scope, first));
        await Task.Delay(TimeSpan.FromSeconds(1));
        waiter.IsCompleted.ShouldBeFalse("the second reader of the same execution waits for the first transaction");

        release.SetResult();
        await holder.WaitAsync(TimeSpan.FromSeconds(30));
        (await waiter.WaitAsync(TimeSpan.FromSeconds(30))).ShouldNotBeNull();
    }
}
