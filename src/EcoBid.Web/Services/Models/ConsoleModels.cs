namespace EcoBid.Web.Services.Models;

public sealed record QueueStats(string Queue, long Visible, long InFlight, long Delayed, long DeadLettered, double? OldestMessageAgeSeconds);

public sealed record DeadLetter(long Id, string SourceQueue, string EventId, int ReceiveCount, string? LastError, DateTimeOffset EnqueuedAt, DateTimeOffset DeadLetteredAt, string Body);

public sealed record RedriveResult(string Queue, int Redriven);

public sealed record PurgeResult(string Queue, int Purged);

public sealed record ScheduleList(IReadOnlyList<Schedule> Schedules, IReadOnlyList<PendingTimer> PendingTimers);

public sealed record Schedule(string Name, string Description, string Expression, string Timezone, DateTimeOffset? LastFiredAt, DateTimeOffset? NextFireAt);

public sealed record PendingTimer(string Key, DateTimeOffset DueAt, string? Schedule);

public sealed record Replay(
    string Name, string State, DateTimeOffset From, DateTimeOffset To, string? EventPattern, IReadOnlyList<string>? Targets,
    long Total, long Scanned, long Matched, long Delivered, double Progress, DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt, string? Error);
