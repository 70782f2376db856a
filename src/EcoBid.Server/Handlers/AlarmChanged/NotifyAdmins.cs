using Dapper;
using EcoBid.Domain.Users;
using EcoBid.Events.Envelope;
using EcoBid.Events.Handlers;
using EcoBid.Events.Storage;
using EcoBid.Server.Notifications;

namespace EcoBid.Server.Handlers.AlarmChanged;

/// <summary>
/// The seeds' AdminAlerts subscriber: tells every admin (users with role admin) that an alarm went off or cleared, by
/// inbox, email and push unless they chose otherwise for <c>alarm_raised</c> / <c>alarm_cleared</c>.
/// </summary>
public sealed class NotifyAdmins(Notifier notifier) : IEventHandler
{
    public const string Target = "NotifyAdmins";

    public async Task HandleAsync(EventEnvelope envelope, IWriteScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(scope);
        var (kind, text, data) = envelope.DetailType switch
        {
            "AlarmRaised" when envelope.Read<Domain.Events.AlarmRaised>() is var raised => (
                NotificationKinds.AlarmRaised,
                NotificationTexts.AlarmRaised(raised.Alarm, raised.Reason, raised.Description, raised.Threshold, raised.Unit),
                (object)new { raised.Alarm, raised.Value, raised.Threshold, raised.Unit, raised.RaisedAt }),
            "AlarmCleared" when envelope.Read<Domain.Events.AlarmCleared>() is var cleared => (
                NotificationKinds.AlarmCleared,
                NotificationTexts.AlarmCleared(cleared.Alarm, cleared.RaisedAt, cleared.ClearedAt),
                new { cleared.Alarm, cleared.Value, cleared.Threshold, cleared.Unit, cleared.RaisedAt, cleared.ClearedAt }),
            _ => throw new InvalidOperationException($"NotifyAdmins does not handle {envelope.DetailType}."),
        };

        var admins = await scope.Connection.QueryAsync<string>("SELECT id FROM users WHERE role = @role ORDER BY id", new { role = Roles.Admin }, scope.Transaction);
        foreach (var admin in admins)
        {
            await notifier.NotifyAsync(scope, new NotificationRequest(admin, kind, text.Title, text.Body, data, envelope.Id, NotificationRequest.KeyFor(kind, envelope.Id, admin)));
        }
    }
}
