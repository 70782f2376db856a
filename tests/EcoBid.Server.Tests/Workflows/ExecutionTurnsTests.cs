using Dapper;
using EcoBid.Events.Storage;
using EcoBid.Server.Tests.Disputes;
using EcoBid.Server.Tests.Infrastructure;
using EcoBid.Server.Workflows.Contract;
using EcoBid.Server.Workflows.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace EcoBid.Server.Tests.Workflows;

/// <summary>
/// On PostgreSQL, transactions that advance one execution take turns: each reads the execution with a row lock
/// first. Without the turns, a task's timeout and its callback advanced together and deadlocked on each other's
/// token and history rows. Callers that also write rows the execution's tasks write (a dispute's answer) take the
/// turn before those rows, in the order the tasks take them.
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
    [Fact]
    public async Task A_callback_racing_its_tasks_timeout_waits_for_the_turn_and_is_told_the_task_timed_out()
    {
        await _app.CreateAsync("Asks", """
            {"StartAt":"Ask","States":{"Ask":{"Type":"Task","Resource":"arn:aws:states:::events:putEvents.waitForTaskToken",
              "Parameters":{"Entries":[{"Source":"test.workflows","DetailType":"Asked","Detail":{"token.$":"$$.Task.Token"}}]},"End":true}}}
            """);
        var arn = await _app.StartAsync("Asks");
        var token = await _app.WaitForTokenAsync(arn);

        // The timeout's transaction, held open: it has the execution's turn and has marked the token timed out.
        var answer = await WhileTurnIsHeldAsync(arn, async scope =>
        {
            await scope.Connection.ExecuteAsync("UPDATE workflow_task_tokens SET status = @timedOut WHERE token = @token", new { timedOut = TaskTokenRecord.TimedOut, token }, scope.Transaction);
        }, () => _app.Workflows.SendTaskSuccessAsync(token, """{"late":true}""", CancellationToken.None));

        (await Should.ThrowAsync<WorkflowException>(() => answer)).Code.ShouldBe(WorkflowErrors.TaskTimedOut);
        (await _app.Workflows.DescribeExecutionAsync(arn, CancellationToken.None)).Status.ShouldBe("RUNNING", "the late answer did not advance the execution");
    }

    [Fact]
    public async Task An_answer_to_a_dispute_takes_the_executions_turn_before_the_disputes_row()
    {
        var (_, sellerClient, _, buyerClient, reservationId) = await _app.ReservedAsync();
        var id = await _app.OpenDisputeAsync(sellerClient, reservationId, "other", "Rude at the door.");
        var execution = (await _app.DisputeAsync(id)).ExecutionArn.ShouldNotBeNull();

        // A dispute task's transaction, held open: it has the execution's turn, then writes the dispute's row, as
        // DecideDispute does. Had the answer written the row first, each would now wait for the other.
        var answer = await WhileTurnIsHeldAsync(execution, async scope =>
        {
            await scope.Connection.ExecuteAsync("SET LOCAL lock_timeout = '10s'", transaction: scope.Transaction);
            await scope.Connection.ExecuteAsync("UPDATE disputes SET admin_note = admin_note WHERE id = @id", new { id }, scope.Transaction);
        }, () => buyerClient.AnswerAsync(id, accept: true));

        (await answer).EnsureSuccessStatusCode();
        await _app.DisputeInStatusAsync(id, EcoBid.Server.Disputes.DisputeRoles.Resolved);
    }

    /// <summary>
    /// Holds <paramref name="executionArn"/>'s turn in a transaction, starts <paramref name="contender"/>, checks it
    /// waits, runs <paramref name="whileHeld"/> in the holding transaction, commits, and returns the contender.
    /// </summary>
    private async Task<T> WhileTurnIsHeldAsync<T>(string executionArn, Func<IWriteScope, Task> whileHeld, Func<T> contender)
        where T : Task
    {
        var store = _app.Services.GetRequiredService<IWorkflowStore>();
        var holding = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var holder = _app.Database.WriteAsync(async scope =>
        {
            (await store.FindExecutionAsync(scope, executionArn)).ShouldNotBeNull();
            holding.SetResult();
            await release.Task;
            await whileHeld(scope);
            return 0;
        });
        await holding.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var contending = contender();
        await Task.Delay(TimeSpan.FromSeconds(1));
        contending.IsCompleted.ShouldBeFalse("the contender waits for the execution's turn");
        release.SetResult();
        await holder.WaitAsync(TimeSpan.FromSeconds(30));
        await Task.WhenAny(contending, Task.Delay(TimeSpan.FromSeconds(30)));
        contending.IsCompleted.ShouldBeTrue("the contender goes on once the turn is free");
        return contending;
    }
}
