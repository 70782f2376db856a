using Dapper;
using EcoBid.Domain.Users;
using EcoBid.Events.Envelope;
using EcoBid.Events.Handlers;
using EcoBid.Events.Storage;
using EcoBid.Server.Disputes;
using EcoBid.Server.Notifications;

namespace EcoBid.Server.Handlers.DisputeChanged;

/// <summary>
/// Tells the people a dispute concerns what happened to it (docs/notifications.md): the other party when it opens,
/// every admin when the DisputeResolution state machine escalates it, and both parties when it is resolved.
/// </summary>
public sealed class NotifyDisputeParties(Notifier notifier) : IEventHandler
{
    public const string Target = "NotifyDisputeParties";

    public async Task HandleAsync(EventEnvelope envelope, IWriteScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(scope);
        switch (envelope.DetailType)
        {
            case "DisputeOpened":
                var opened = envelope.Read<Domain.Events.DisputeOpened>();
                var other = opened.OpenedBy == DisputeRoles.Buyer ? opened.SellerId : opened.BuyerId;
                await NotifyAsync(scope, envelope, other, NotificationKinds.DisputeOpened,
                    new("A dispute was opened on your reservation", $"The {opened.OpenedBy} reports: {opened.Type.Replace('_', ' ')}. Answer by {opened.RespondBy:u}, or it is decided without you."),
                    new { opened.DisputeId, opened.ReservationId, opened.Type, opened.RespondBy });
                break;
            case "DisputeEscalated":
                var disputeId = envelope.Detail.GetProperty("disputeId").GetString()!;
                var admins = await scope.Connection.QueryAsync<string>("SELECT id FROM users WHERE role = @role ORDER BY id", new { role = Roles.Admin }, scope.Transaction);
                foreach (var admin in admins)
                {
                    await NotifyAsync(scope, envelope, admin, NotificationKinds.DisputeEscalated,
                        new("A dispute needs a decision", $"Dispute {disputeId} could not be settled automatically: decide it at /admin/disputes/{disputeId}/resolve."),
                        new { DisputeId = disputeId });
                }

                break;
            case "DisputeResolved":
                var resolved = envelope.Read<Domain.Events.DisputeResolved>();
                var text = new NotificationText("A dispute was resolved", $"Outcome: {resolved.Outcome} ({resolved.ResolvedBy}).");
                var data = new { resolved.DisputeId, resolved.ReservationId, resolved.Outcome, resolved.ResolvedBy, resolved.NoShowRecorded };
                await NotifyAsync(scope, envelope, resolved.BuyerId, NotificationKinds.DisputeResolved, text, data);
                await NotifyAsync(scope, envelope, resolved.SellerId, NotificationKinds.DisputeResolved, text, data);
                break;
            default:
                throw new InvalidOperationException($"NotifyDisputeParties does not handle {envelope.DetailType}.");
        }
    }

    private Task<NotificationRecord?> NotifyAsync(IWriteScope scope, EventEnvelope envelope, string userId, string kind, NotificationText text, object data) =>
        notifier.NotifyAsync(scope, new NotificationRequest(userId, kind, text.Title, text.Body, data, envelope.Id, NotificationRequest.KeyFor(kind, envelope.Id, userId)));
}
