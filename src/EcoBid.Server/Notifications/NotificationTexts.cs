using System.Globalization;

namespace EcoBid.Server.Notifications;

/// <summary>
/// What each kind of notification says, in one place: the inbox, the push and the email use the same words. Amounts
/// carry their currency and are written for the reader's locale (<see cref="MoneyText"/>).
/// </summary>
public static class NotificationTexts
{
    public static NotificationText ReservationCreated(string buyer, string item, DateTimeOffset expiresAt) => new(
        $"{buyer} reserved \"{item}\"",
        $"{buyer} reserved your item \"{item}\". Agree on a pickup and confirm it before {When(expiresAt)}, or the reservation lapses and the item goes to the next in line.");

    public static NotificationText WaitlistPromoted(string item, DateTimeOffset expiresAt) => new(
        $"\"{item}\" is yours to pick up",
        $"You were next on the waitlist for \"{item}\", and it is now reserved for you. Arrange the pickup with the giver before {When(expiresAt)}; if it is not confirmed by then, the reservation lapses, counts as a no-show and the item goes to the next in line. Cancel it if you no longer want it.");

    public static NotificationText ReservationConfirmed(string item, string other, bool asGiver) => new(
        $"Pickup of \"{item}\" confirmed",
        asGiver
            ? $"You confirmed the pickup of \"{item}\" by {other}. Mark it complete once they have it."
            : $"{other} confirmed your pickup of \"{item}\". The reservation no longer runs out; the giver marks it complete once you have it.");

    public static NotificationText ReservationCancelled(string item, string by, string reason, bool asGiver) => new(
        $"Reservation of \"{item}\" cancelled",
        asGiver
            ? $"{by} cancelled their reservation of \"{item}\" (\"{reason}\"). It goes to the next in line, or is available again."
            : $"{by} cancelled your reservation of \"{item}\" (\"{reason}\").");

    public static NotificationText ReservationExpired(string item, bool asGiver, bool noShow, string buyer) => new(
        $"Reservation of \"{item}\" lapsed",
        asGiver
            ? $"The reservation of \"{item}\" by {buyer} lapsed without a confirmed pickup. It goes to the next in line, or is available again."
            : noShow
                ? $"Your reservation of \"{item}\" lapsed without a confirmed pickup. It counts as a no-show on your profile, and the item went to the next in line."
                : $"Your reservation of \"{item}\" lapsed before you were told of it. It does not count as a no-show.");

    public static NotificationText ReservationCompleted(string item, string other, bool asGiver) => new(
        $"Pickup of \"{item}\" completed",
        asGiver
            ? $"\"{item}\" went to {other}. Thank you for giving it a second life. Rate {other} from the reservation."
            : $"You picked up \"{item}\" from {other}. Enjoy it, and rate {other} from the reservation.");

    public static NotificationText ReservationExpiring(string item, DateTimeOffset expiresAt) => new(
        $"Your reservation of \"{item}\" runs out soon",
        $"Your reservation of \"{item}\" runs out at {When(expiresAt)}. Pick it up, or ask the giver to confirm the pickup, before then; otherwise it goes to the next in line and counts as a no-show.");

    public static NotificationText PickupReminder(string item, bool asGiver) => new(
        $"Pickup of \"{item}\" today",
        asGiver
            ? $"Someone is coming to pick up \"{item}\". Mark the pickup complete once they have it."
            : $"Remember to pick up \"{item}\". The giver marks the pickup complete once you have it.");

    public static NotificationText Outbid(string item, string price) => new(
        $"You were outbid on \"{item}\"",
        $"Someone bid more than you on \"{item}\": the price is now {price}. Bid again before the auction ends if you still want it.");

    public static NotificationText AuctionWon(string item, string price, DateTimeOffset pickupBy) => new(
        $"You won \"{item}\"",
        $"You won the auction for \"{item}\" at {price}. It is reserved for you: arrange the pickup with the seller before {When(pickupBy)}.");

    public static NotificationText AuctionLost(string item, string price) => new(
        $"The auction for \"{item}\" ended",
        $"The auction for \"{item}\" ended and another bidder won it at {price}. Save a search to hear about similar items nearby.");

    public static NotificationText AuctionUnsold(string item, bool wereLeading, string? yourMaximum) => new(
        $"The auction for \"{item}\" ended unsold",
        wereLeading
            ? $"The auction for \"{item}\" ended without a sale: your bid of up to {yourMaximum} led, but the seller's reserve price was not met. Nobody won it."
            : $"The auction for \"{item}\" ended without a sale: the seller's reserve price was not met. Nobody won it.");

    public static NotificationText AuctionSold(string item, string price, string winner, DateTimeOffset pickupBy) => new(
        $"\"{item}\" sold for {price}",
        $"Your auction for \"{item}\" ended: {winner} won it at {price}. The item is reserved for their pickup; confirm it with them before {When(pickupBy)}.");

    public static NotificationText AuctionNotSold(string item, string reason, string? topBid) => new(
        $"\"{item}\" did not sell",
        reason == Domain.Auctions.AuctionUnsoldReasons.ReserveNotMet
            ? $"Your auction for \"{item}\" ended without a sale: the highest bid, {topBid}, did not reach your reserve price. You can auction it again."
            : $"Your auction for \"{item}\" ended without any bid. You can auction it again.");

    public static NotificationText NearbyItem(string item, string category, double distanceKm, string search) => new(
        $"New nearby: \"{item}\"",
        $"\"{item}\" ({category}) was just posted {distanceKm.ToString("0.0", CultureInfo.InvariantCulture)} km from the centre of your saved search \"{search}\".");

    public static NotificationText Message(string sender, string item, string preview) => new(
        $"{sender} wrote about \"{item}\"",
        $"{sender}: {preview}");

    public static NotificationText AlarmRaised(string alarm, string reason, string description, double threshold, string unit) => new(
        $"Alarm: {alarm}",
        $"{alarm} went off. {reason} The threshold is {Amount(threshold, unit)}. What it watches: {description} The alarm and its history are at /admin/alarms.");

    public static NotificationText AlarmCleared(string alarm, DateTimeOffset raisedAt, DateTimeOffset clearedAt) => new(
        $"Alarm cleared: {alarm}",
        $"{alarm} is back to normal at {When(clearedAt)}, after being raised at {When(raisedAt)}.");

    private static string Amount(double value, string unit) => unit == "ratio"
        ? value.ToString("0.###%", CultureInfo.InvariantCulture)
        : $"{value.ToString("0.###", CultureInfo.InvariantCulture)} {unit}";

    private static string When(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
