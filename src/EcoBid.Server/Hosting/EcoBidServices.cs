using EcoBid.Server.Handlers.BulkPostingFinished;
using EcoBid.Server.Handlers.DisputeChanged;
using EcoBid.Server.Disputes.Tasks;
using EcoBid.Server.Items.Bulk.Tasks;
using Dapper;
using EcoBid.Events;
using EcoBid.Server.Alarms;
using EcoBid.Server.Auctions;
using EcoBid.Server.Aws;
using EcoBid.Server.Backups;
using EcoBid.Events.Rules;
using EcoBid.Events.Scheduling;
using EcoBid.Server.Demo;
using EcoBid.Server.Events;
using EcoBid.Server.Handlers;
using EcoBid.Server.Handlers.Any;
using EcoBid.Server.Handlers.ItemCreated;
using EcoBid.Server.Handlers.ListingExpiryDue;
using EcoBid.Server.Handlers.Scheduled;
using EcoBid.Server.Handlers.UserRegistered;
using EcoBid.Server.Handlers.ReservationExpiryDue;
using EcoBid.Server.Handlers.UserRated;
using EcoBid.Server.Reservations;
using EcoBid.Server.Identity;
using EcoBid.Server.Images;
using EcoBid.Server.Mail;
using EcoBid.Server.Notifications;
using EcoBid.Server.Health;
using EcoBid.Server.Http;
using EcoBid.Server.Items;
using EcoBid.Server.Observability;
using EcoBid.Server.OpenApi;
using EcoBid.Server.Workflows;
using EcoBid.Server.Workflows.Runtime;
using EcoBid.Server.Storage;
using EcoBid.Web.Hosting;

namespace EcoBid.Server.Hosting;

public static class EcoBidServices
{
    /// <summary>Everything EcoBid needs, composed from configuration (appsettings, environment, command line).</summary>
    public static IServiceCollection AddEcoBid(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var role = ServerRoleOptions.From(configuration);
        services.AddSingleton(role);
        var backends = BackendOptions.From(configuration);
        services.AddSingleton(backends);
        services.Configure<RuntimeOptions>(configuration.GetSection(RuntimeOptions.Section));
        services.Configure<ItemsOptions>(configuration.GetSection(ItemsOptions.Section));
        services.Configure<ModerationOptions>(configuration.GetSection(ModerationOptions.Section));

        // The initializer is registered before the runtime so the schema exists before any worker starts, and the
        // workflow definitions are in place before a rule can start one.
        var rules = ImagesServices.WithImageConcurrency(RuleSetLoader.LoadFile(EcoBidPaths.RulesPath(configuration)), configuration);
        services.AddHostedService<DatabaseInitializer>();
        services.AddHostedService<WorkflowDefinitionFiles>();
        services.AddEcoBidStorage(configuration, backends.Storage);
        if (backends.Queues is QueueBackend.RabbitMq)
        {
            services.AddEcoBidRabbitMqQueues(configuration);
        }

        services.AddEventRuntime(rules, BackupSchedule.Apply(ScheduleSetLoader.LoadFile(EcoBidPaths.SchedulesPath(configuration)), configuration), role.RunsWorkers);
        services.AddEcoBidWorkflows(configuration, rules);
        services.AddEventReplay(configuration, role.RunsWorkers);
        services.AddEventHandler<ProcessNewItem>(ProcessNewItem.Target);
        services.AddEventHandler<IndexItem>(IndexItem.Target);
        services.AddEventHandler<ModerateItem>(ModerateItem.Target);
        services.AddEventHandler<UpdateStats>(UpdateStats.Target);
        services.AddEventHandler<ExpireListing>(ExpireListing.Target);
        services.AddEventHandler<DailyCleanup>(DailyCleanup.Target);
        services.AddEventHandler<FoldStats>(FoldStats.Target);
        services.AddEventHandler<SendAccountEmails>(SendAccountEmails.Target);
        services.AddEventHandler<ExpireReservation>(ExpireReservation.Target);
        services.AddEventHandler<CancelExpiredReservations>(CancelExpiredReservations.Target);
        services.AddEventHandler<RevealRatings>(RevealRatings.Target);
        services.AddEventHandler<UpdateProfileRatings>(UpdateProfileRatings.Target);
        services.Configure<ReservationsOptions>(configuration.GetSection(ReservationsOptions.Section));
        services.AddSingleton<ReservationStore>();
        services.AddWorkflowTask<AwaitDisputeAnswer>().AddWorkflowTask<DecideDispute>().AddWorkflowTask<ResolveDispute>();
        services.AddEventHandler<NotifyDisputeParties>(NotifyDisputeParties.Target);
        services.AddWorkflowTask<LoadBulkPosting>().AddWorkflowTask<CreateBulkItem>().AddWorkflowTask<FinishBulkPosting>();
        services.AddEventHandler<NotifyBulkPoster>(NotifyBulkPoster.Target);
        services.AddEcoBidAuctions(configuration);
        services.AddEcoBidAws(configuration);
        services.AddEcoBidImages(configuration);

        services.ConfigureHttpJsonOptions(options => EcoBidJson.Apply(options.SerializerOptions));
        services.AddSingleton<MailPickup>();
        services.AddSingleton<DemoSeeder>();
        services.AddEcoBidIdentity(configuration);
        services.AddEcoBidNotifications(configuration);
        if (backends.Queues is QueueBackend.RabbitMq)
        {
            services.AddEcoBidRabbitMqLiveFanout();
        }

        services.AddEcoBidRateLimits(configuration);
        services.AddEcoBidProblemDetails();
        services.AddEcoBidHealthChecks(backends.Storage);
        services.AddEcoBidOpenApi();
        services.AddEcoBidConsoleLogFormat();
        services.AddEcoBidTelemetry(configuration);
        services.AddEcoBidAlarms(configuration);
        services.AddEcoBidBackups(configuration);
        services.AddEcoBidWeb(configuration, Path.Combine(EcoBidPaths.DataDir(configuration), "keys"));
        services.AddSingleton<EcoBid.Web.Services.Console.IQueueDepthSource, EcoBid.Server.Admin.QueueDepthSource>();
        services.AddSingleton<EcoBid.Web.Services.Console.IRuntimeOverview, EcoBid.Server.Admin.RuntimeOverview>();
        return services;
    }
}
