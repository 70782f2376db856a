using System.Text.Json;
using EcoBid.Events.Envelope;
using EcoBid.Events.Patterns;
using EcoBid.Events.Queues;
using EcoBid.Events.Rules;
using EcoBid.Events.Signals;
using EcoBid.Events.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EcoBid.Events.Archive;

/// <summary>
/// Delivers replays, one at a time, oldest first. Each batch reads archived events in time order after the replay's
/// position, routes them through the rules as they would be routed now, and in one transaction enqueues them and moves
/// the position on: a crash loses or repeats no batch, and a restarted runner carries on from the last commit.
/// </summary>
public sealed partial class ReplayRunner(
    IReplayStore replays,
    IEventArchive archive,
    IMessageQueue queue,
    IEventDatabase database,
    RuleSet rules,
    RuntimeSignals signals,
    TimeProvider clock,
    IOptions<ArchiveOptions> archiveOptions,
    IOptions<RuntimeOptions> runtimeOptions,
    ILogger<ReplayRunner> logger) : BackgroundService
{
    /// <summary>Consecutive failed batches after which a replay is marked failed rather than tried again.</summary>
    public const int MaxBatchAttempts = 3;

    private const int MaxErrorLength = 2000;

    private readonly int _batchSize = Math.Max(1, archiveOptions.Value.ReplayBatchSize);

    /// <summary>
    /// Runs one batch of the named replay, starting it first if it is pending. A cancelled, finished or unknown replay
    /// gets nothing delivered.
    /// </summary>
    public async Task<ReplayStep> RunBatchAsync(string name, CancellationToken cancellationToken)
    {
        var replay = await replays.FindAsync(name, cancellationToken);
        if (replay?.State == ReplayState.Pending)
        {
            replay = await BeginAsync(replay, cancellationToken);
        }

        if (replay?.State != ReplayState.Running)
        {
            return ReplayStep.Stopped;
        }

        var definition = replay.Definition;
        var batch = await archive.ReadAsync(definition.Range, replay.Position, _batchSize, cancellationToken);
        var (deliveries, matched) = Plan(definition, batch);
        var finished = batch.Count < _batchSize;
        var advance = new ReplayAdvance(batch.Count > 0 ? batch[^1].Position : replay.Position, batch.Count, matched, deliveries.Count, finished);

        var advanced = await database.WriteAsync(async scope =>
        {
            if (!await replays.TryAdvanceAsync(scope, name, replay.Position, advance))
            {
                return false;
            }

            foreach (var delivery in deliveries)
            {
                await queue.EnqueueAsync(scope, delivery.Target, delivery.EventId, delivery.MessageKey, delivery.Body);
            }

            return true;
        }, cancellationToken);

        if (!advanced)
        {
            return ReplayStep.Stopped;
        }

        foreach (var target in deliveries.Select(d => d.Target).Distinct(StringComparer.Ordinal))
        {
            signals.Queue(target).Set();
        }

        if (finished)
        {
            LogCompleted(logger, name, replay.Scanned + batch.Count, replay.Delivered + deliveries.Count);
        }

        return finished ? ReplayStep.Finished : ReplayStep.Continued;
    }

    /// <summary>Runs the named replay batch after batch until it finishes, stops, fails or the token is cancelled.</summary>
    public async Task RunAsync(string name, CancellationToken cancellationToken)
    {
        var failures = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ReplayStep step;
            try
            {
                step = await RunBatchAsync(name, cancellationToken);
                failures = 0;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                if (++failures >= MaxBatchAttempts)
                {
                    LogFailed(logger, name, ex);
                    await replays.FailAsync(name, Describe(ex), clock.GetUtcNow(), cancellationToken);
                    return;
                }

                LogBatchFailed(logger, name, failures, ex);
                await Task.Delay(TimeSpan.FromSeconds(failures), clock, cancellationToken);
                continue;
            }

            if (step != ReplayStep.Continued)
            {
                return;
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var idle = runtimeOptions.Value.IdleRecheck;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var next = await replays.NextActiveAsync(stoppingToken);
                if (next is null)
                {
                    await signals.Replays.WaitAsync(idle, clock, stoppingToken);
                    continue;
                }

                await RunAsync(next.Name, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogRunnerFailed(logger, ex);
                await Task.Delay(TimeSpan.FromSeconds(1), clock, stoppingToken);
            }
        }
    }

    private async Task<Replay?> BeginAsync(Replay pending, CancellationToken cancellationToken)
    {
        var definition = pending.Definition;
        var total = await archive.CountAsync(definition.Range, cancellationToken);
        if (await replays.TryBeginAsync(definition.Name, total, clock.GetUtcNow(), cancellationToken))
        {
            LogStarted(logger, definition.Name, total);
        }

        return await replays.FindAsync(definition.Name, cancellationToken);
    }

    /// <summary>
    /// Each event goes out as EventBridge replays it: with <c>replay-name</c> set, matched against the replay's
    /// pattern and routed by the rules in that form, then narrowed to the requested targets.
    /// </summary>
    private (List<ReplayDelivery> Deliveries, int Matched) Plan(ReplayDefinition definition, IReadOnlyList<ArchivedEvent> batch)
    {
        var pattern = definition.EventPattern is null ? null : EventPattern.Parse(definition.EventPattern);
        var deliveries = new List<ReplayDelivery>();
        var matched = 0;
        foreach (var archived in batch)
        {
            var body = (EventEnvelope.FromJson(archived.EnvelopeJson) with { ReplayName = definition.Name }).ToJson();
            using var document = JsonDocument.Parse(body);
            if (pattern is not null && !pattern.Matches(document.RootElement))
            {
                continue;
            }

            var targets = rules.Route(document.RootElement).Where(t => definition.Targets is null || definition.Targets.Contains(t)).ToList();
            if (targets.Count == 0)
            {
                continue;
            }

            matched++;
            var key = ReplayDelivery.KeyFor(archived.EventId, definition.Name);
            deliveries.AddRange(targets.Select(target => new ReplayDelivery(target, archived.EventId, key, body)));
        }

        return (deliveries, matched);
    }

    private static string Describe(Exception exception)
    {
        var text = $"{exception.GetType().Name}: {exception.Message}";
        return text.Length <= MaxErrorLength ? text : text[..MaxErrorLength];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Replay {Name} started over {Total} archived events")]
    private static partial void LogStarted(ILogger logger, string name, long total);

    [LoggerMessage(Level = LogLevel.Information, Message = "Replay {Name} completed: {Scanned} events scanned, {Delivered} messages delivered")]
    private static partial void LogCompleted(ILogger logger, string name, long scanned, long delivered);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Replay {Name}: batch failed (attempt {Attempt}); it is tried again")]
    private static partial void LogBatchFailed(ILogger logger, string name, int attempt, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Replay {Name} failed")]
    private static partial void LogFailed(ILogger logger, string name, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "The replay runner failed; it retries in a second")]
    private static partial void LogRunnerFailed(ILogger logger, Exception exception);
}
