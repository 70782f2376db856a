using System.Globalization;
using EcoBid.Events.Queues;
using EcoBid.Events.Timers;
using Microsoft.Extensions.Options;

namespace EcoBid.Server.Alarms;

/// <summary>The seeds' alarms and how each is read: from <see cref="AlarmSignals"/>' windows, or from the store.</summary>
public sealed class AlarmReadings(AlarmSignals signals, IMessageQueue queues, ITimerStore timers, IOptions<AlarmOptions> options, TimeProvider clock)
{
    public static IReadOnlyList<AlarmDefinition> Definitions { get; } =
    [
        new(AlarmNames.HandlerErrorRate, "Handler attempts that failed (retried or dead-lettered), as a share of all attempts in the window.", "ratio", AlarmScope.Workers),
        new(AlarmNames.ServerErrorRate, "Responses with a 5xx status, as a share of all responses in the window.", "ratio", AlarmScope.Api),
        new(AlarmNames.DeadLetters, "Messages waiting in dead-letter queues, to be looked at and redriven or purged.", "messages", AlarmScope.Store),
        new(AlarmNames.QueueAge, "Age of the oldest message still to be handled in any target's queue.", "seconds", AlarmScope.Store),
        new(AlarmNames.TimersOverdue, "How long past its due time the most overdue timer is (timers fire within milliseconds when all is well).", "seconds", AlarmScope.Store),
        new(AlarmNames.RateLimitRejections, "Requests refused with 429 by the rate limits in the window.", "requests", AlarmScope.Api),
        new(AlarmNames.EmailCircuitOpen, "The email channel's circuit breaker is open: emails are skipped (1) or sent (0).", "state", AlarmScope.Workers),
    ];

    public async Task<AlarmReading> ReadAsync(string alarm, CancellationToken cancellationToken)
    {
        var rule = options.Value.For(alarm);
        return alarm switch
        {
            AlarmNames.HandlerErrorRate => Rate(signals.HandlerErrors.Sum(), signals.HandlerAttempts.Sum(), rule, "handler attempts failed"),
            AlarmNames.ServerErrorRate => Rate(signals.ServerErrors.Sum(), signals.Requests.Sum(), rule, "responses were 5xx"),
            AlarmNames.RateLimitRejections => Count(signals.Rejections.Sum(), rule),
            AlarmNames.EmailCircuitOpen => signals.CircuitOpen
                ? new AlarmReading(1, "The email circuit breaker is open: the mail server failed repeatedly, and emails are skipped until a trial send succeeds.")
                : new AlarmReading(0, "The email circuit breaker is closed."),
            AlarmNames.DeadLetters => await DeadLettersAsync(cancellationToken),
            AlarmNames.QueueAge => await QueueAgeAsync(cancellationToken),
            AlarmNames.TimersOverdue => await TimersAsync(cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(alarm), alarm, "No such alarm."),
        };
    }

    private static AlarmReading Rate(long errors, long total, AlarmRuleOptions rule, string what) =>
        total < rule.MinimumSamples
            ? AlarmReading.NoData($"{total} samples in the last {Minutes(rule.Window)}; the rate is judged from {rule.MinimumSamples}.")
            : new AlarmReading((double)errors / total, $"{errors} of {total} {what} in the last {Minutes(rule.Window)} ({(double)errors / total:P2}).");

    private static AlarmReading Count(long count, AlarmRuleOptions rule) =>
        new(count, $"{count} requests refused with 429 in the last {Minutes(rule.Window)}.");

    private async Task<AlarmReading> DeadLettersAsync(CancellationToken cancellationToken)
    {
        var dead = (await queues.GetStatsAsync(cancellationToken)).Where(s => s.DeadLettered > 0).OrderByDescending(s => s.DeadLettered).ToList();
        var total = dead.Sum(s => s.DeadLettered);
        return new AlarmReading(total, total == 0
            ? "No dead letters."
            : $"{total} dead letters: {string.Join(", ", dead.Select(s => $"{s.Queue} {s.DeadLettered}"))}.");
    }

    private async Task<AlarmReading> QueueAgeAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var oldest = (await queues.GetStatsAsync(cancellationToken))
            .Where(s => s.OldestEnqueuedAt is not null)
            .Select(s => (s.Queue, Age: Math.Max(0, (now - s.OldestEnqueuedAt!.Value).TotalSeconds), Waiting: s.Visible + s.InFlight + s.Delayed))
            .OrderByDescending(q => q.Age)
            .FirstOrDefault();
        return oldest.Queue is null
            ? new AlarmReading(0, "Every queue is empty.")
            : new AlarmReading(oldest.Age, $"The oldest message in {oldest.Queue} has waited {Seconds(oldest.Age)} ({oldest.Waiting} messages waiting there).");
    }

    private async Task<AlarmReading> TimersAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = (await timers.ListAsync(3, cancellationToken)).Where(t => t.DueAt <= now).ToList();
        if (due.Count == 0)
        {
            return new AlarmReading(0, "No timer is past its due time.");
        }

        var late = (now - due[0].DueAt).TotalSeconds;
        return new AlarmReading(late, $"Timer {due[0].Key} was due {Seconds(late)} ago and has not fired{(due.Count > 1 ? $" ({due.Count - 1} more overdue behind it)" : string.Empty)}.");
    }

    private static string Minutes(TimeSpan window) =>
        window.TotalMinutes >= 1 ? $"{window.TotalMinutes.ToString("0.#", CultureInfo.InvariantCulture)} min" : $"{window.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s";

    private static string Seconds(double seconds) => seconds >= 120
        ? $"{(seconds / 60).ToString("0.#", CultureInfo.InvariantCulture)} min"
        : $"{seconds.ToString("0.#", CultureInfo.InvariantCulture)} s";
}
