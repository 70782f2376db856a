using System.Globalization;

namespace EcoBid.Server.Notifications;

/// <summary>What each kind of notification says, in one place: the inbox, the push and the email use the same words.</summary>
public static class NotificationTexts
{
    public static NotificationText ReservationCreated(string buyer, string item, DateTimeOffset expiresAt) => new(
        $"{buyer} reserved \"{item}\"",
        $"{buyer} reserved your item \"{item}\". Agree on a pickup and confirm it before {When(expiresAt)}, or the reservation lapses and the item goes to the next in line.");

    public static NotificationText ReservationExpiring(string item, DateTimeOffset expiresAt) => new(
        $"Your reservation of \"{item}\" runs out soon",
        $"Your reservation of \"{item}\" runs out at {When(expiresAt)}. Pick it up, or ask the giver to confirm the pickup, before then; otherwise it goes to the next in line and counts as a no-show.");

    public static NotificationText PickupReminder(string item, bool asGiver) => new(
        $"Pickup of \"{item}\" today",
        asGiver
            ? $"Someone is coming to pick up \"{item}\". Mark the pickup complete once they have it."
            : $"Remember to pick up \"{item}\". The giver marks the pickup complete once you have it.");

    public static NotificationText Outbid(string item, long price) => new(
        $"You were outbid on \"{item}\"",
        $"Someone bid more than you on \"{item}\": the price is now {Money(price)}. Bid again before the auction ends if you still want it.");

    public static NotificationText AuctionWon(string item, long? price) => new(
        $"You won \"{item}\"",
        $"You won the auction for \"{item}\"{(price is { } p ? $" at {Money(p)}" : string.Empty)}. Message the seller to arrange the pickup.");

    public static NotificationText AuctionLost(string item) => new(
        $"The auction for \"{item}\" ended",
        $"The auction for \"{item}\" ended and someone else won it. Save a search to hear about similar items nearby.");

    public static NotificationText NearbyItem(string item, string category, double distanceKm, string search) => new(
        $"New nearby: \"{item}\"",
        $"\"{item}\" ({category}) was just posted {distanceKm.ToString("0.0", CultureInfo.InvariantCulture)} km from the centre of your saved search \"{search}\".");

    public static NotificationText Message(string sender, string item, string preview) => new(
        $"{sender} wrote about \"{item}\"",
        $"{sender}: {preview}");

    /// <summary>Amounts are minor units (cents); shown with two decimals.</summary>
    private static string Money(long minorUnits) => (minorUnits / 100m).ToString("0.00", CultureInfo.InvariantCulture);

    private static string When(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
