using EcoBid.Server.Items.Bulk;
using EcoBid.Server.Disputes;
using EcoBid.Events.Sqlite;
using EcoBid.Server.Alarms;
using EcoBid.Server.Backups;
using EcoBid.Server.Auctions;
using EcoBid.Server.Identity;
using EcoBid.Server.Images;
using EcoBid.Server.Items;
using EcoBid.Server.Notifications;
using EcoBid.Server.Observability;
using EcoBid.Server.Reservations;
using EcoBid.Server.Workflows.Persistence;

namespace EcoBid.Server.Hosting;

/// <summary>Every schema script of the application's own state (the runtime brings its own).</summary>
public static class EcoBidSchema
{
    public static IReadOnlyList<SchemaScript> Scripts { get; } = [.. IdentitySchema.Scripts, .. ItemsSchema.Scripts, .. BulkPostingsSchema.Scripts, .. ImagesSchema.Scripts, .. ReservationsSchema.Scripts, .. DisputesSchema.Scripts, .. AuctionsSchema.Scripts, .. NotificationsSchema.Scripts, .. WorkflowsSchema.Scripts, .. AlarmsSchema.Scripts, .. BackupsSchema.Scripts, .. ObservabilitySchema.Scripts];
}
