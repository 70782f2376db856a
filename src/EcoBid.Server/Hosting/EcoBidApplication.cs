using EcoBid.Server.Disputes;
using EcoBid.Server.Admin;
using EcoBid.Server.Alarms;
using EcoBid.Server.Backups;
using EcoBid.Server.Auctions;
using EcoBid.Server.Aws;
using EcoBid.Server.Events;
using EcoBid.Server.Health;
using EcoBid.Server.Http;
using EcoBid.Server.Identity;
using EcoBid.Server.Images;
using EcoBid.Server.Items;
using EcoBid.Server.Items.Bulk;
using EcoBid.Server.Notifications;
using EcoBid.Server.Observability;
using EcoBid.Server.Reservations;
using EcoBid.Server.Schedules;
using EcoBid.Server.Stats;
using EcoBid.Server.Workflows.Api;
using EcoBid.Web.Hosting;

namespace EcoBid.Server.Hosting;

public static class EcoBidApplication
{
    /// <summary>The request pipeline: correlation first, so even a failing request's problem carries its id.</summary>
    public static WebApplication UseEcoBid(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<CorrelationMiddleware>();
        app.UseEcoBidWebHeaders();
        app.UseExceptionHandler();
        app.UseMiddleware<BodySizeLimitMiddleware>();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseEcoBidWebForms();
        app.UseRateLimiter();
        return app;
    }

    public static WebApplication MapEcoBid(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthApi();
        app.MapEcoBidMetrics();
        if (!app.Services.GetRequiredService<ServerRoleOptions>().ServesApi)
        {
            return app;
        }

        app.MapOpenApi();
        app.UseSwaggerUI(options =>
        {
            options.SwaggerEndpoint("/openapi/v1.json", "EcoBid API");
            options.RoutePrefix = "swagger";
        });
        app.MapAuthApi();
        app.MapUsersApi();
        app.MapEventsApi();
        app.MapPublishEventApi();
        app.MapItemsApi();
        app.MapBulkPostingsApi();
        app.MapItemChangesApi();
        app.MapSellerItemsApi();
        app.MapEcoBidImages();
        app.MapReservationsApi();
        app.MapDisputesApi();
        app.MapRatingsApi();
        app.MapAuctions();
        app.MapStatsApi();
        app.MapAdminApi();
        app.MapSchedulesApi();
        app.MapReplaysApi();
        app.MapWorkflowsApi();
        app.MapAwsApi();
        app.MapAlarmsApi();
        app.MapObservabilityApi();
        app.MapBackupsApi();
        app.MapEcoBidNotifications();
        app.MapEcoBidWeb();
        return app;
    }
}
