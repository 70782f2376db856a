using EcoBid.Domain.Events;
using EcoBid.Events.Storage;
using EcoBid.Server.Events;
using EcoBid.Server.Live;

namespace EcoBid.Server.Notifications;

/// <summary>
/// Delivers a notification inside the caller's transaction, to the channels the user chose for its kind: the inbox row
/// (which also records every channel's state), an email queued on that row for the email delivery loop (sending over
/// the network never happens inside a write transaction), and a push to the user's live connections once the
/// transaction commits. Each delivery publishes NotificationSent. Handlers call it last, after anything that can
/// throw: a push, once the commit is done, cannot be taken back.
/// </summary>
public sealed class Notifier(ILiveFanout fanout, NotificationSignals signals, NotificationMetrics metrics)
{
    /// <returns>The notification, or <c>null</c> when the user wants none of this kind, is gone, or already had it.</returns>
    public async Task<NotificationRecord?> NotifyAsync(IWriteScope scope, NotificationRequest request)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(request);
        var preferences = await scope.QueryFirstPreparedAsync<string>("SELECT notification_prefs FROM users WHERE id = @id", ("@id", request.UserId));
        if (preferences is null)
        {
            return null;
        }

        var channels = NotificationPreferences.ChannelsFor(preferences, request.Kind);
        if (channels.Count == 0)
        {
            return null;
        }

        var email = channels.Contains(NotificationChannels.Email);
        var now = scope.Now.ToUnixTimeMilliseconds();
        var record = await scope.QueryFirstPreparedAsync<NotificationRecord>(
            $"""
            INSERT INTO notifications (user_id, kind, title, body, data, caused_by, dedupe_key, in_inbox, push, email_status, email_due_at, created_at)
            VALUES (@user, @kind, @title, @body, @data, @causedBy, @dedupeKey, @inbox, @push, @emailStatus, @emailDue, @now)
            ON CONFLICT (dedupe_key) DO NOTHING
            RETURNING {NotificationRecord.Columns}
            """,
            ("@user", request.UserId),
            ("@kind", request.Kind),
            ("@title", request.Title),
            ("@body", request.Body),
            ("@data", System.Text.Json.JsonSerializer.Serialize(request.Data ?? new { }, EcoBidJson.Web)),
            ("@causedBy", request.CausedBy),
            ("@dedupeKey", request.DedupeKey),
            ("@inbox", channels.Contains(NotificationChannels.InApp) ? 1 : 0),
            ("@push", channels.Contains(NotificationChannels.Push) ? 1 : 0),
            ("@emailStatus", email ? EmailStatus.Pending : null),
            ("@emailDue", email ? now : null),
            ("@now", now));
        if (record is null)
        {
            return null;
        }

        var id = record.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (record.InInbox)
        {
            await scope.PublishAsync(new NotificationSent(id, record.UserId, NotificationChannels.InApp, record.Kind, record.CausedBy, scope.Now));
        }

        if (record.Push)
        {
            await scope.PublishAsync(new NotificationSent(id, record.UserId, NotificationChannels.Push, record.Kind, record.CausedBy, scope.Now));
            var frame = LiveFrames.Notification(record);
            string[] user = [record.UserId];
            scope.OnCommitted(() => fanout.ToUsers(user, frame));
        }

        if (email)
        {
            scope.OnCommitted(signals.Email.Set);
        }

        metrics.Created(record.Kind);
        return record;
    }
}
