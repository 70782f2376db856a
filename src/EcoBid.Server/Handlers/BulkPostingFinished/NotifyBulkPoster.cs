using System.Globalization;
using EcoBid.Events.Envelope;
using EcoBid.Events.Handlers;
using EcoBid.Events.Storage;
using EcoBid.Server.Notifications;

namespace EcoBid.Server.Handlers.BulkPostingFinished;

/// <summary>Tells the poster how their bulk posting went: how many items were posted and how many need changes (docs/notifications.md).</summary>
public sealed class NotifyBulkPoster(Notifier notifier) : IEventHandler
{
    public const string Target = "NotifyBulkPoster";

    public async Task HandleAsync(EventEnvelope envelope, IWriteScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(scope);
        var finished = envelope.Read<Domain.Events.BulkPostingFinished>();
        var kind = NotificationKinds.BulkPostingFinished;
        await notifier.NotifyAsync(scope, new NotificationRequest(
            finished.SellerId,
            kind,
            "Your bulk posting is done",
            Summary(finished.Posted, finished.Count, finished.NeedChanges),
            new { finished.BulkId, finished.Count, finished.Posted, finished.NeedChanges, Report = $"/items/bulk/{finished.BulkId}" },
            envelope.Id,
            NotificationRequest.KeyFor(kind, envelope.Id, finished.SellerId)));
    }

    /// <summary>"12 of 14 items posted; 2 need changes."</summary>
    public static string Summary(int posted, int count, int needChanges)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{posted} of {count} {(count == 1 ? "item" : "items")} posted");
        return needChanges switch
        {
            0 => text + ".",
            1 => text + "; 1 needs changes.",
            _ => string.Create(CultureInfo.InvariantCulture, $"{text}; {needChanges} need changes."),
        };
    }
}
