namespace EcoBid.Web.Services.Models;

public sealed record QueueStats(string Queue, long Visible, long InFlight, long Delayed, long DeadLettered, double? OldestMessageAgeSeconds);

public sealed record DeadLetter(long Id, string SourceQueue, string EventId, int ReceiveCount, string? LastError, DateTimeOffset EnqueuedAt, DateTimeOffset DeadLetteredAt, string Body);

public sealed record Redriven(string Queue, int Moved);
