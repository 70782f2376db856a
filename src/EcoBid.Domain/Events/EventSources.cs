namespace EcoBid.Domain.Events;

public static class EventSources
{
    public const string Items = "ecobid.items";
    public const string Reservations = "ecobid.reservations";
    public const string Auctions = "ecobid.auctions";
    public const string Users = "ecobid.users";
    public const string Messages = "ecobid.messages";
    public const string Disputes = "ecobid.disputes";
    public const string Payments = "ecobid.payments";
    public const string Images = "ecobid.images";
    public const string Notifications = "ecobid.notifications";
    public const string System = "ecobid.system";
    public const string Workflows = "ecobid.workflows";
    public const string Alarms = "ecobid.alarms";
}
