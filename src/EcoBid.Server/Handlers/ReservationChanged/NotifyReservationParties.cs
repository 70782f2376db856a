using EcoBid.Domain.Reservations;
using EcoBid.Events.Envelope;
using EcoBid.Events.Handlers;
using EcoBid.Events.Storage;
using EcoBid.Server.Notifications;
using EcoBid.Server.Reservations;
using Microsoft.Extensions.Options;

namespace EcoBid.Server.Handlers.ReservationChanged;

/// <summary>
/// Tells each party of a reservation what happened to it (docs/notifications.md has the matrix): the person the
/// waitlist moved up, the other side of a cancel, the buyer (and the giver) of a lapsed reservation, and both sides of
/// a confirmed or completed pickup. The giver hears of a new reservation from NotifySeller.
/// </summary>
public sealed class NotifyReservationParties(Notifier notifier, ReservationStore reservations, ReservationReminders reminders, IOptions<ReservationsOptions> options) : IEventHandler
{
    public const string Target = "NotifyReservationParties";

    public Task HandleAsync(EventEnvelope envelope, IWriteScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(scope);
        return envelope.DetailType switch
        {
            "ReservationCreated" => PromotedAsync(envelope, scope),
            "ReservationConfirmed" => ConfirmedAsync(envelope, scope),
            "ReservationCancelled" => CancelledAsync(envelope, scope),
            "ReservationExpired" => ExpiredAsync(envelope, scope),
            "ReservationCompleted" => CompletedAsync(envelope, scope),
            _ => Task.CompletedTask,
        };
    }

    /// <summary>
    /// The waitlist gave the item to the next in line. Their pickup window starts now, when they are told, not when the
    /// reservation was made: the expiry (and its reminder) move, and the notice always lands in the inbox.
    /// </summary>
    private async Task PromotedAsync(EventEnvelope envelope, IWriteScope scope)
    {
        var created = envelope.Read<Domain.Events.ReservationCreated>();
        if (created.Origin != ReservationOrigin.Waitlist)
        {
            return;
        }

        var reservation = await ReservationStore.FindAsync(scope.Connection, created.ReservationId, scope.Transaction);
        if (reservation is null || reservation.Status != ReservationStatus.Active || reservation.NotifiedAt is not null)
        {
            return;
        }

        var expiresAt = scope.Now.Add(options.Value.Window);
        await ReservationStore.MarkNotifiedAsync(scope, reservation.Id, expiresAt);
        await reservations.ScheduleExpiryAsync(scope, reservation.Id, expiresAt);
        await reminders.ScheduleAsync(scope, reservation.Id, expiresAt);
        var text = NotificationTexts.WaitlistPromoted(await Lookups.ItemTitleAsync(scope, created.ItemId), expiresAt);
        await NotifyAsync(scope, envelope, created.BuyerId, NotificationKinds.WaitlistPromoted, text,
            new { created.ReservationId, created.ItemId, created.SellerId, ExpiresAt = expiresAt });
    }

    private async Task ConfirmedAsync(EventEnvelope envelope, IWriteScope scope)
    {
        var confirmed = envelope.Read<Domain.Events.ReservationConfirmed>();
        var item = await Lookups.ItemTitleAsync(scope, confirmed.ItemId);
        var data = new { confirmed.ReservationId, confirmed.ItemId, confirmed.BuyerId, confirmed.SellerId };
        await NotifyAsync(scope, envelope, confirmed.BuyerId, NotificationKinds.ReservationConfirmed,
            NotificationTexts.ReservationConfirmed(item, await Lookups.DisplayNameAsync(scope, confirmed.SellerId), asGiver: false), data);
        await NotifyAsync(scope, envelope, confirmed.SellerId, NotificationKinds.ReservationConfirmed,
            NotificationTexts.ReservationConfirmed(item, await Lookups.DisplayNameAsync(scope, confirmed.BuyerId), asGiver: true), data);
    }

    /// <summary>The side that did not cancel hears of it, with the reason given.</summary>
    private async Task CancelledAsync(EventEnvelope envelope, IWriteScope scope)
    {
        var cancelled = envelope.Read<Domain.Events.ReservationCancelled>();
        var bySeller = cancelled.CancelledBy == "seller";
        var (recipient, actor) = bySeller ? (cancelled.BuyerId, cancelled.SellerId) : (cancelled.SellerId, cancelled.BuyerId);
        var text = NotificationTexts.ReservationCancelled(
            await Lookups.ItemTitleAsync(scope, cancelled.ItemId), await Lookups.DisplayNameAsync(scope, actor), cancelled.Reason, asGiver: !bySeller);
        await NotifyAsync(scope, envelope, recipient, NotificationKinds.ReservationCancelled, text,
            new { cancelled.ReservationId, cancelled.ItemId, cancelled.CancelledBy, cancelled.Reason });
    }

    private async Task ExpiredAsync(EventEnvelope envelope, IWriteScope scope)
    {
        var expired = envelope.Read<Domain.Events.ReservationExpired>();
        var item = await Lookups.ItemTitleAsync(scope, expired.ItemId);
        var data = new { expired.ReservationId, expired.ItemId, expired.NoShow };
        await NotifyAsync(scope, envelope, expired.BuyerId, NotificationKinds.ReservationExpired,
            NotificationTexts.ReservationExpired(item, asGiver: false, expired.NoShow, string.Empty), data);
        await NotifyAsync(scope, envelope, expired.SellerId, NotificationKinds.ReservationExpired,
            NotificationTexts.ReservationExpired(item, asGiver: true, expired.NoShow, await Lookups.DisplayNameAsync(scope, expired.BuyerId)), data);
    }

    private async Task CompletedAsync(EventEnvelope envelope, IWriteScope scope)
    {
        var completed = envelope.Read<Domain.Events.ReservationCompleted>();
        var item = await Lookups.ItemTitleAsync(scope, completed.ItemId);
        var data = new { completed.ReservationId, completed.ItemId, completed.BuyerId, completed.SellerId };
        await NotifyAsync(scope, envelope, completed.BuyerId, NotificationKinds.ReservationCompleted,
            NotificationTexts.ReservationCompleted(item, await Lookups.DisplayNameAsync(scope, completed.SellerId), asGiver: false), data);
        await NotifyAsync(scope, envelope, completed.SellerId, NotificationKinds.ReservationCompleted,
            NotificationTexts.ReservationCompleted(item, await Lookups.DisplayNameAsync(scope, completed.BuyerId), asGiver: true), data);
    }

    private Task<NotificationRecord?> NotifyAsync(IWriteScope scope, EventEnvelope envelope, string userId, string kind, NotificationText text, object data) =>
        notifier.NotifyAsync(scope, new NotificationRequest(userId, kind, text.Title, text.Body, data, envelope.Id, NotificationRequest.KeyFor(kind, envelope.Id, userId)));
}
