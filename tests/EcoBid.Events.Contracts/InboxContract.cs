using EcoBid.Events.Storage;

namespace EcoBid.Events.Contracts;

/// <summary>
/// <see cref="IInbox"/>: a consumer's processed mark is true the first time only, per consumer, and lives or dies
/// with the transaction (and savepoint) it was written in.
/// </summary>
public abstract class InboxContract : RuntimeContract
{
    [Fact]
    public async Task The_first_mark_is_true_and_a_second_is_false()
    {
        (await MarkAsync("NotifySeller", "event-1")).ShouldBeTrue();

        (await MarkAsync("NotifySeller", "event-1")).ShouldBeFalse();
    }

    [Fact]
    public async Task A_second_mark_in_the_same_transaction_is_false()
    {
        var marks = await Database.WriteAsync(async scope => new[]
        {
            await Inbox.TryMarkProcessedAsync(scope, "NotifySeller", "event-1"),
            await Inbox.TryMarkProcessedAsync(scope, "NotifySeller", "event-1"),
        }, None);

        marks.ShouldBe([true, false]);
    }

    [Fact]
    public async Task Marks_are_kept_per_consumer()
    {
        (await MarkAsync("NotifySeller", "event-1")).ShouldBeTrue();

        (await MarkAsync("UpdateStats", "event-1")).ShouldBeTrue();
        (await MarkAsync("UpdateStats", "event-1")).ShouldBeFalse();
    }

    [Fact]
    public async Task Marks_are_kept_per_message_key()
    {
        (await MarkAsync("NotifySeller", "event-1")).ShouldBeTrue();

        (await MarkAsync("NotifySeller", "event-2")).ShouldBeTrue();
        (await MarkAsync("NotifySeller", "event-1:replay-2030-03")).ShouldBeTrue();
    }

    [Fact]
    public async Task A_mark_rolls_back_with_its_transaction()
    {
        await Should.ThrowAsync<InvalidOperationException>(() => WriteAsync(async scope =>
        {
            (await Inbox.TryMarkProcessedAsync(scope, "NotifySeller", "event-1")).ShouldBeTrue();
            throw new InvalidOperationException("the handler failed");
        }));

        (await MarkAsync("NotifySeller", "event-1")).ShouldBeTrue();
    }

    [Fact]
    public async Task A_mark_rolls_back_with_its_savepoint()
    {
        var afterRollback = await Database.WriteAsync(async scope =>
        {
            await scope.Transaction.SaveAsync("message", None);
            (await Inbox.TryMarkProcessedAsync(scope, "NotifySeller", "event-1")).ShouldBeTrue();
            await scope.Transaction.RollbackAsync("message", None);
            await scope.Transaction.ReleaseAsync("message", None);
            return await Inbox.TryMarkProcessedAsync(scope, "NotifySeller", "event-1");
        }, None);

        afterRollback.ShouldBeTrue();
        (await MarkAsync("NotifySeller", "event-1")).ShouldBeFalse();
    }

    private Task<bool> MarkAsync(string consumer, string messageKey) =>
        Database.WriteAsync(scope => Inbox.TryMarkProcessedAsync(scope, consumer, messageKey), None);
}
