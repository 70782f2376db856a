using System.Text;
using EcoBid.Events.Contracts;
using EcoBid.Events.Rules;
using RabbitMQ.Client.Exceptions;

namespace EcoBid.Events.RabbitMq.Tests;

/// <summary>
/// The relay's publishes go out as a batch whose confirms are awaited afterwards (a window at a time): every message
/// of the batch is stored, each queue keeps the order sent, and one refused message fails the batch (so the outbox keeps
/// its events for the next try) without losing the others.
/// </summary>
public sealed class RabbitMqBatchPublishTests : IAsyncLifetime
{
    private static readonly QueueSettings Settings = new() { BatchSize = 100 };

    private RabbitMqRuntimeStore _store = null!;

    public async Task InitializeAsync() => _store = await RabbitMqRuntimeStore.CreateAsync(new ManualTimeProvider(DateTimeOffset.UtcNow));

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task A_batch_longer_than_the_confirm_window_is_stored_whole_and_in_order_per_queue()
    {
        var count = (RabbitMqConnection.ConfirmWindow * 2) + 88;
        var sent = Enumerable.Range(0, count).Select(i => (Queue: i % 3 == 0 ? "Index" : "Moderate", EventId: $"e{i:D4}")).ToList();

        await _store.RabbitMq.PublishNewAsync([.. sent.Select(m => (m.Queue, m.EventId, m.EventId, $$"""{"n":"{{m.EventId}}"}"""))], DateTimeOffset.UtcNow, CancellationToken.None);

        foreach (var queue in new[] { "Index", "Moderate" })
        {
            var received = await ReceiveAllAsync(queue, sent.Count(m => m.Queue == queue));
            received.ShouldBe(sent.Where(m => m.Queue == queue).Select(m => m.EventId).ToList());
        }
    }

    [Fact]
    public async Task A_message_nobody_can_receive_fails_the_batch_and_the_others_are_still_stored()
    {
        await _store.Connection.EnsureQueueAsync("Index", CancellationToken.None);
        RabbitMqPublish Message(string queue, string id) =>
            new(string.Empty, queue, new Dictionary<string, object?> { [RabbitMqHeaders.EventId] = id, [RabbitMqHeaders.MessageKey] = id, [RabbitMqHeaders.EnqueuedAt] = 0L, [RabbitMqHeaders.Receives] = 0L }, Encoding.UTF8.GetBytes("{}"), id);

        var publish = () => _store.Connection.PublishAllAsync([Message("Index", "a"), Message("NoSuchQueue", "lost"), Message("Index", "b")], CancellationToken.None);

        await publish.ShouldThrowAsync<PublishException>();
        (await ReceiveAllAsync("Index", 2)).ShouldBe(["a", "b"]);

        // The channel is usable afterwards: the next batch goes through.
        await _store.Connection.PublishAllAsync([Message("Index", "c")], CancellationToken.None);
        (await ReceiveAllAsync("Index", 1)).ShouldBe(["c"]);
    }

    private async Task<List<string>> ReceiveAllAsync(string queue, int expected)
    {
        var ids = new List<string>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (ids.Count < expected && DateTime.UtcNow < deadline)
        {
            var batch = await _store.RabbitMq.ReceiveAsync(queue, Settings, CancellationToken.None);
            ids.AddRange(batch.Select(m => m.EventId));
            await _store.Database.WriteAsync(async scope =>
            {
                foreach (var message in batch)
                {
                    await _store.Queue.AcknowledgeAsync(scope, message);
                }

                return true;
            });
            await _store.RabbitMq.SettleAsync(batch, CancellationToken.None);
        }

        return ids;
    }
}
