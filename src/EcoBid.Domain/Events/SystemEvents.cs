namespace EcoBid.Domain.Events;

[DomainEvent(EventSources.Images, "ImageUploaded")]
public sealed record ImageUploaded(string ImageId, string ItemId, string BlobKey, string ContentType, long SizeBytes, DateTimeOffset UploadedAt);

[DomainEvent(EventSources.Images, "ImageProcessed")]
public sealed record ImageProcessed(string ImageId, string ItemId, string Status, int? Width, int? Height, IReadOnlyList<string> Problems, DateTimeOffset ProcessedAt);

[DomainEvent(EventSources.Notifications, "NotificationSent")]
public sealed record NotificationSent(string NotificationId, string UserId, string Channel, string Kind, string? CausedByEventId, DateTimeOffset SentAt);

/// <summary>A message a target could not handle was dead-lettered; operators follow up through /admin.</summary>
[DomainEvent(EventSources.System, "ErrorOccurred")]
public sealed record ErrorOccurred(string Target, string EventId, string DetailType, int ReceiveCount, string Error, DateTimeOffset OccurredAt);
