using EcoBid.Events.Postgres;
using EcoBid.Server.Alarms;
using EcoBid.Server.Auctions;
using EcoBid.Server.Backups;
using EcoBid.Server.Disputes;
using EcoBid.Server.Identity;
using EcoBid.Server.Images;
using EcoBid.Server.Items;
using EcoBid.Server.Items.Bulk;
using EcoBid.Server.Items.Search;
using EcoBid.Server.Notifications;
using EcoBid.Server.Observability;
using EcoBid.Server.Reservations;
using EcoBid.Server.Workflows.Persistence;

namespace EcoBid.Server.Hosting;

/// <summary>
/// Every PostgreSQL schema script of the application's own state (the runtime brings its own): the tables of
/// <see cref="EcoBidSchema"/>, a new database starting at the shape the SQLite scripts arrive at.
/// </summary>
public static class EcoBidPostgresSchema
{
    public static IReadOnlyList<PostgresSchemaScript> Scripts { get; } = [.. IdentityPostgresSchema.Scripts, .. ItemsPostgresSchema.Scripts, .. BulkPostingsPostgresSchema.Scripts, .. ImagesPostgresSchema.Scripts, .. ReservationsPostgresSchema.Scripts, .. DisputesPostgresSchema.Scripts, .. AuctionsPostgresSchema.Scripts, .. NotificationsPostgresSchema.Scripts, .. WorkflowsPostgresSchema.Scripts, .. AlarmsPostgresSchema.Scripts, .. BackupsPostgresSchema.Scripts, .. ObservabilityPostgresSchema.Scripts, .. ItemSearchPostgresSchema.Scripts, .. CrossFeatureKeysPostgresSchema.Scripts];
}
