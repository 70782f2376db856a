namespace EcoBid.Domain.Events;

[DomainEvent(EventSources.Images, "ImageUploaded")]
public sealed record ImageUploaded(string ImageId, string ItemId, string BlobKey, string ContentType, long SizeBytes, DateTimeOffset UploadedAt);

[DomainEvent(EventSources.Images, "ImageProcessed")]
public sealed record ImageProcessed(string ImageId, string ItemId, string Status, int? Width, int? Height, IReadOnlyList<string> Problems, DateTimeOffset ProcessedAt);

[DomainEvent(EventSources.Notifications, "NotificationSent")]
public sealed record NotificationSent(string NotificationId, string UserId, string Channel, string Kind, string? CausedByEventId, DateTimeOffset SentAt);

/// <summary>
/// A notification's email was not sent: skipped while the email channel's circuit was open, or given up after its
/// retries. The notification itself was delivered on its other channels; the email waits in the EmailDelivery
/// dead-letter queue, where a redrive sends it after all.
/// </summary>
[DomainEvent(EventSources.Notifications, "EmailUndelivered")]
public sealed record EmailUndelivered(string NotificationId, string UserId, string Kind, string Status, string Reason, DateTimeOffset At);

/// <summary>A message a target could not handle was dead-lettered; operators follow up through /admin.</summary>
[DomainEvent(EventSources.System, "ErrorOccurred")]
public sealed record ErrorOccurred(string Target, string EventId, string DetailType, int ReceiveCount, string Error, DateTimeOffset OccurredAt);
