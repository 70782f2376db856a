using System.Runtime.ExceptionServices;
using System.Diagnostics;
using EcoBid.Events.Envelope;
using EcoBid.Events.Handlers;
using EcoBid.Events.Monitoring;
using EcoBid.Events.Rules;
using EcoBid.Events.Signals;
using EcoBid.Events.Storage;
using Microsoft.Extensions.Logging;

namespace EcoBid.Events.Queues;

/// <summary>
/// Consumes one target's queue: receives a batch, runs the handler on each message inside one write transaction
/// (a savepoint per message, so one failure rolls back only its own message), and acknowledges, retries or
/// dead-letters each message in that same transaction. Where the queue allows it, that transaction also receives the
/// next batch, so a busy consumer commits once per batch rather than twice. Messages handed over in memory by the
/// dispatch (<see cref="QueueHandoff"/>) are already received: they go straight to the handling transaction, and a
/// consumer woken only for them does not receive at all. A handler with work that must not hold the writer
/// (<see cref="IPreparingEventHandler"/>) has it run for the whole batch before the transaction opens.
/// </summary>
public sealed partial class QueueConsumer(
    RuleTarget target,
    IEventHandler handler,
    IMessageQueue queue,
    IInbox inbox,
    IEventDatabase database,
    RuntimeSignals signals,
    RuntimeMonitor monitor,
    TimeProvider clock,
    RuntimeOptions options,
    ILogger logger,
    QueueHandoff? handoff = null)
{
    private const int MaxErrorLength = 2000;

    /// <summary>
    /// Holds in a row of a batch whose connection broke after its work began. More than one: a connection the pool
    /// hands out after a database restart breaks on its first statement, inside the work, though the batch did
    /// nothing wrong. Bounded: the batch itself may be what ends the session.
    /// </summary>
    private const int MidWorkHoldLimit = 10;

    public string Target => target.Name;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var signal = signals.Queue(target.Name);
        var mailbox = handoff?.Open(target);
        try
        {
            await LoopAsync(signal, mailbox, cancellationToken);
        }
        finally
        {
            mailbox?.Close();
        }
    }

    private async Task LoopAsync(QueueSignal signal, QueueMailbox? mailbox, CancellationToken cancellationToken)
    {
        // A batch received in the commit that handled the previous one, not handled yet.
        IReadOnlyList<QueueMessage>? received = null;
        var recheck = false;
        // Holds in a row through a store outage (the wait doubles with each), and those of them that broke mid-work.
        var storeHolds = 0;
        var midWorkHolds = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                signal.Reset(); // every set or wake after this point is either seen below or ends the wait
                var fromStore = received is not null;
                var batch = received ?? mailbox?.Take(target.Queue.BatchSize) ?? [];
                received = null;
                if (batch.Count == 0 && (signal.TakeStored() || recheck))
                {
                    recheck = false;
                    fromStore = true;
                    var version = mailbox?.StoredVersion;
                    batch = await queue.ReceiveAsync(target.Name, target.Queue, cancellationToken);
                    MarkCaughtUp(mailbox, version, batch);
                }

                if (batch.Count == 0)
                {
                    recheck = !await signal.WaitAsync(await IdleWaitAsync(cancellationToken), clock, cancellationToken);
                    continue;
                }

                // A full batch from the store means more may be waiting: receive it in this batch's commit, and let a
                // sibling consumer start on it too.
                var full = fromStore && batch.Count == target.Queue.BatchSize;
                var receiveNext = signal.TakeStored() || full;
                if (full)
                {
                    signal.Set();
                }

                received = await HandleAsync(batch, receiveNext, mailbox, midWorkHolds < MidWorkHoldLimit, cancellationToken);
                storeHolds = 0;
                midWorkHolds = 0;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (StoreUnavailableException held)
            {
                // The batch stays received (a broker keeps the deliveries with this consumer) and is tried again once
                // the wait is over: an outage must not spend the messages' receives and dead-letter them.
                var wait = Backoff.Ceiling(++storeHolds, StoreRetryBase, options.StoreRetryCap > StoreRetryBase ? options.StoreRetryCap : StoreRetryBase);
                LogStoreUnavailable(logger, target.Name, held.Batch.Count, wait.TotalSeconds, held.InnerException!.Message);
                received = held.Batch;
                recheck = true;
                midWorkHolds += held.DuringWork ? 1 : 0;
                queue.Keep(held.Batch);
                await Task.Delay(wait, clock, cancellationToken);
                queue.Keep(held.Batch);
            }
            catch (Exception ex)
            {
                LogConsumerFailed(logger, target.Name, ex);
                recheck = true;
                storeHolds = 0;
                midWorkHolds = 0;
                await Task.Delay(TimeSpan.FromSeconds(1), clock, cancellationToken);
            }
        }
    }

    /// <summary>Receives and processes one batch; returns how many messages it took.</summary>
    public async Task<int> ConsumeOnceAsync(CancellationToken cancellationToken)
    {
        var batch = await queue.ReceiveAsync(target.Name, target.Queue, cancellationToken);
        if (batch.Count == 0)
        {
            return 0;
        }

        try
        {
            await HandleAsync(batch, receiveNext: false, null, mayHoldMidWork: false, cancellationToken);
        }
        catch (StoreUnavailableException held)
        {
            // No loop here to hold the batch for: hand it back, and let the caller see the outage.
            await queue.SettleAsync(held.Batch, CancellationToken.None);
            ExceptionDispatchInfo.Throw(held.InnerException!);
        }

        return batch.Count;
    }

    /// <summary>
    /// Handles a received batch in one write transaction. With <paramref name="receiveNext"/>, and a queue that can
    /// receive in the caller's transaction, the next batch is received in that same transaction: its receive counts
    /// commit before any of its handlers run, as with a receive of its own, and the consumer saves a commit per batch.
    /// </summary>
    /// <returns>The next batch, or <c>null</c> when it was not received.</returns>
    /// <param name="mayHoldMidWork">
    /// Whether a connection lost after the work began may still hold the batch (<see cref="StoreUnavailableException"/>);
    /// a store that could not be reached before it began always does.
    /// </param>
    private async Task<IReadOnlyList<QueueMessage>?> HandleAsync(
        IReadOnlyList<QueueMessage> batch, bool receiveNext, QueueMailbox? mailbox, bool mayHoldMidWork, CancellationToken cancellationToken)
    {
        // Parsed before the write transaction: the single writer is the pipeline's bottleneck, and parsing needs no lock.
        var envelopes = batch.Select(Parse).ToList();
        var prepared = await PrepareAsync(batch, envelopes, cancellationToken);
        List<Outcome> outcomes;
        IReadOnlyList<QueueMessage>? next;
        var settle = true;
        var workStarted = false;
        try
        {
            (outcomes, next) = await database.WriteAsync(async scope =>
            {
                workStarted = true;
                var handled = await ProcessBatchAsync(batch, envelopes, prepared, scope, cancellationToken);
                var version = mailbox?.StoredVersion;
                var more = receiveNext ? await queue.ReceiveAsync(scope, target.Name, target.Queue) : null;
                if (more is not null)
                {
                    scope.OnCommitted(() => MarkCaughtUp(mailbox, version, more));
                }

                return (handled, more);
            }, cancellationToken);
        }
        catch (Exception ex) when (database.IsUnavailable(ex) && !cancellationToken.IsCancellationRequested && (!workStarted || mayHoldMidWork))
        {
            settle = false;
            throw new StoreUnavailableException(batch, ex, duringWork: workStarted);
        }
        finally
        {
            // After the commit (or the failure), never before: a broker settles its deliveries here. A batch held
            // through a store outage is settled when it is finally handled.
            if (settle)
            {
                await queue.SettleAsync(batch, CancellationToken.None);
            }
        }

        var now = clock.GetUtcNow();
        foreach (var outcome in outcomes)
        {
            var latency = outcome.Kind == RuntimeActivityKind.Handled ? now - outcome.EventTime : (TimeSpan?)null;
            monitor.Record(outcome.Activity(target.Name, now), latency);
            if (outcome.Kind == RuntimeActivityKind.DeadLettered)
            {
                LogDeadLettered(logger, outcome.Message.EventId, target.Name, outcome.Message.ReceiveCount, outcome.Error);
            }
        }

        return next;
    }

    private static (EventEnvelope? Envelope, Exception? Error) Parse(QueueMessage message)
    {
        try
        {
            return (EventEnvelope.FromJson(message.Body), null);
        }
        catch (Exception ex)
        {
            return (null, ex);
        }
    }

    /// <summary>
    /// Runs a preparing handler's slow part for each message, outside any transaction; a failure is kept and fails its
    /// message in the transaction. Null for a handler with no such part.
    /// </summary>
    private async Task<Prepared[]?> PrepareAsync(
        IReadOnlyList<QueueMessage> batch, List<(EventEnvelope? Envelope, Exception? Error)> envelopes, CancellationToken cancellationToken)
    {
        if (handler is not IPreparingEventHandler preparing)
        {
            return null;
        }

        var prepared = new Prepared[envelopes.Count];
        for (var i = 0; i < envelopes.Count; i++)
        {
            if (envelopes[i].Envelope is not { } envelope)
            {
                continue;
            }

            try
            {
                CorrelationContext.Current = envelope.CorrelationId;
                prepared[i] = new Prepared(await preparing.PrepareAsync(envelope, cancellationToken), null);
            }
            catch (Exception ex) when (database.IsUnavailable(ex) && !cancellationToken.IsCancellationRequested)
            {
                // The slow part reads the store too: an outage here is not the message's failure either.
                throw new StoreUnavailableException(batch, ex, duringWork: false);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                prepared[i] = new Prepared(null, ExceptionDispatchInfo.Capture(ex));
            }
        }

        return prepared;
    }

    private async Task<List<Outcome>> ProcessBatchAsync(
        IReadOnlyList<QueueMessage> batch, List<(EventEnvelope? Envelope, Exception? Error)> envelopes, Prepared[]? prepared, IWriteScope scope, CancellationToken cancellationToken)
    {
        var outcomes = new List<Outcome>(batch.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            var message = batch[i];
            const string savepoint = "message";
            await scope.SavepointAsync(savepoint);
            DateTimeOffset eventTime = message.EnqueuedAt;
            EventEnvelope? envelope = null;
            Activity? activity = null;
            var started = Stopwatch.GetTimestamp();
            try
            {
                envelope = envelopes[i].Envelope ?? throw envelopes[i].Error!;
                eventTime = envelope.Time;
                CorrelationContext.Current = envelope.CorrelationId;
                activity = RuntimeTracing.StartHandling(target.Name, envelope, message.ReceiveCount);
                var first = await inbox.TryMarkProcessedAsync(scope, target.Name, message.MessageKey);
                if (first && prepared is { } ready)
                {
                    ready[i].Error?.Throw();
                    await ((IPreparingEventHandler)handler).HandleAsync(envelope, ready[i].Value, scope, cancellationToken);
                }
                else if (first)
                {
                    await handler.HandleAsync(envelope, scope, cancellationToken);
                }

                await queue.AcknowledgeAsync(scope, message);
                await scope.ReleaseSavepointAsync(savepoint);
                var kind = first ? RuntimeActivityKind.Handled : RuntimeActivityKind.Duplicate;
                RuntimeTracing.SetOutcome(activity, first ? TraceOutcomes.Handled : TraceOutcomes.Duplicate);
                outcomes.Add(new Outcome(message, kind, eventTime, null, Stopwatch.GetElapsedTime(started)));
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                await scope.RollbackToSavepointAsync(savepoint);
                await scope.ReleaseSavepointAsync(savepoint);
                var outcome = await FailAsync(scope, message, envelope, eventTime, ex, Stopwatch.GetElapsedTime(started));
                RuntimeTracing.SetOutcome(activity, outcome.Kind == RuntimeActivityKind.DeadLettered ? TraceOutcomes.DeadLettered : TraceOutcomes.Retry, outcome.Error);
                activity?.AddException(ex);
                outcomes.Add(outcome);
            }
            finally
            {
                activity?.Dispose();
            }
        }

        return outcomes;
    }

    private async Task<Outcome> FailAsync(IWriteScope scope, QueueMessage message, EventEnvelope? envelope, DateTimeOffset eventTime, Exception exception, TimeSpan duration)
    {
        var error = Describe(exception);
        if (message.ReceiveCount >= target.Queue.MaxReceiveCount)
        {
            if (!await queue.DeadLetterAsync(scope, message, error))
            {
                // Received again since (this receive outlived its visibility timeout) or moved already: the message is
                // no longer this receive's to dead-letter, and no dead letter is announced.
                return new Outcome(message, RuntimeActivityKind.Failed, eventTime, error, duration);
            }

            if (envelope is null || !DeadLetterEvents.IsDeadLetterEvent(envelope))
            {
                await scope.PublishAsync(DeadLetterEvents.Create(target.Name, message, envelope?.DetailType, error, scope.Now, envelope?.CorrelationId));
            }

            return new Outcome(message, RuntimeActivityKind.DeadLettered, eventTime, error, duration);
        }

        var delay = Backoff.FullJitter(message.ReceiveCount, target.Queue.BackoffBase, target.Queue.BackoffCap, Random.Shared);
        await queue.ReleaseAsync(scope, message, delay, error);
        return new Outcome(message, RuntimeActivityKind.Failed, eventTime, error, duration);
    }

    /// <summary>A receive that took less than a batch emptied the store of what was visible when it began.</summary>
    private void MarkCaughtUp(QueueMailbox? mailbox, long? version, IReadOnlyList<QueueMessage> received)
    {
        if (mailbox is not null && version is { } seen && received.Count < target.Queue.BatchSize)
        {
            mailbox.MarkCaughtUp(seen);
        }
    }

    private async Task<TimeSpan> IdleWaitAsync(CancellationToken cancellationToken)
    {
        var nextVisible = await queue.NextVisibleAtAsync(target.Name, cancellationToken);
        if (nextVisible is null)
        {
            return options.IdleRecheck;
        }

        var untilVisible = nextVisible.Value - clock.GetUtcNow();
        return untilVisible < options.IdleRecheck ? untilVisible : options.IdleRecheck;
    }

    private static string Describe(Exception exception)
    {
        var text = $"{exception.GetType().Name}: {exception.Message}";
        return text.Length <= MaxErrorLength ? text : text[..MaxErrorLength];
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Consumer of {Target} cannot reach the store; it keeps its {Count} message(s) and tries again in {Seconds} s: {Reason}")]
    private static partial void LogStoreUnavailable(ILogger logger, string target, int count, double seconds, string reason);

    /// <summary>A batch whose handling transaction failed because the store was away; its messages are still received.</summary>
    private sealed class StoreUnavailableException(IReadOnlyList<QueueMessage> batch, Exception inner, bool duringWork)
        : Exception("The store could not be reached while handling a batch.", inner)
    {
        public IReadOnlyList<QueueMessage> Batch { get; } = batch;

        /// <summary>The connection was lost after the batch's work began, rather than before (at connect or begin).</summary>
        public bool DuringWork { get; } = duringWork;
    }

    /// <summary>The first wait of a hold; a zero or negative setting would spin.</summary>
    private TimeSpan StoreRetryBase => options.StoreRetryBase > TimeSpan.FromMilliseconds(10) ? options.StoreRetryBase : TimeSpan.FromMilliseconds(10);

    [LoggerMessage(Level = LogLevel.Error, Message = "Consumer of {Target} failed outside a handler; it retries in a second")]
    private static partial void LogConsumerFailed(ILogger logger, string target, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event {EventId} dead-lettered by {Target} after {ReceiveCount} receives: {Error}")]
    private static partial void LogDeadLettered(ILogger logger, string eventId, string target, int receiveCount, string? error);

    private readonly record struct Prepared(object? Value, ExceptionDispatchInfo? Error);

    private sealed record Outcome(QueueMessage Message, RuntimeActivityKind Kind, DateTimeOffset EventTime, string? Error, TimeSpan Duration)
    {
        public RuntimeActivity Activity(string queueName, DateTimeOffset now) =>
            new(Kind, Message.EventId, queueName, now, Message.ReceiveCount, Error, Duration);
    }
}
