using EcoBid.Events;
using EcoBid.Server.Handlers.AuctionEnded;
using EcoBid.Server.Handlers.BidPlaced;
using EcoBid.Server.Handlers.EmailUndelivered;
using EcoBid.Server.Handlers.ItemChanged;
using EcoBid.Server.Handlers.ItemCreated;
using EcoBid.Server.Handlers.MessageSaved;
using EcoBid.Server.Handlers.MessageSent;
using EcoBid.Server.Handlers.ReservationChanged;
using EcoBid.Server.Handlers.ReservationCreated;
using EcoBid.Server.Handlers.ReservationReminderDue;
using EcoBid.Server.Handlers.Scheduled;
using EcoBid.Server.Hosting;
using EcoBid.Server.Live;
using EcoBid.Server.Mail;
using EcoBid.Server.Messaging;
using EcoBid.Server.SavedSearches;

namespace EcoBid.Server.Notifications;

public static class NotificationServices
{
    /// <summary>Notifications, the live channel, email delivery, saved searches and messages, with their handlers.</summary>
    public static IServiceCollection AddEcoBidNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.Configure<NotificationsOptions>(configuration.GetSection(NotificationsOptions.Section));
        services.Configure<LiveOptions>(configuration.GetSection(LiveOptions.Section));
        services.Configure<MailOptions>(configuration.GetSection(MailOptions.Section));
        services.AddSingleton<NotificationMetrics>();
        services.AddSingleton<NotificationSignals>();
        services.AddSingleton<Notifier>();
        services.AddSingleton<LiveConnections>();
        services.AddSingleton<LiveTokens>();
        services.AddSingleton<ILiveFanout, InProcessFanout>();
        if (string.IsNullOrWhiteSpace(configuration["Mail:Smtp:Host"]))
        {
            services.AddSingleton<IMailTransport, PickupMailTransport>();
        }
        else
        {
            services.AddSingleton<IMailTransport, SmtpMailTransport>();
        }

        services.AddSingleton<GuardedMailTransport>();
        if (ServerRoleOptions.From(configuration).RunsWorkers)
        {
            services.AddHostedService<EmailDelivery>();
            services.AddHostedService<AccountEmailDelivery>();
        }

        services.AddEventHandler<ResendEmail>(ResendEmail.Target);
        services.AddEventHandler<NotifySeller>(NotifySeller.Target);
        services.AddEventHandler<ScheduleReservationReminder>(ScheduleReservationReminder.Target);
        services.AddEventHandler<RemindReservation>(RemindReservation.Target);
        services.AddEventHandler<SendPickupReminders>(SendPickupReminders.Target);
        services.AddEventHandler<NotifyNearbyUsers>(NotifyNearbyUsers.Target);
        services.AddEventHandler<NotifyOutbid>(NotifyOutbid.Target);
        services.AddEventHandler<NotifyWinner>(NotifyWinner.Target);
        services.AddEventHandler<NotifyLoser>(NotifyLoser.Target);
        services.AddEventHandler<NotifyAuctionSeller>(NotifyAuctionSeller.Target);
        services.AddEventHandler<NotifyReservationParties>(NotifyReservationParties.Target);
        services.AddSingleton<ReservationReminders>();
        services.AddEventHandler<PushItemUpdates>(PushItemUpdates.Target);
        services.AddEventHandler<SaveMessage>(SaveMessage.Target);
        services.AddEventHandler<NotifyMessageRecipients>(NotifyMessageRecipients.Target);
        return services;
    }

    /// <summary>The live channel (<c>/ws</c>), the inbox, saved searches, conversations, messages and blocks.</summary>
    public static WebApplication MapEcoBidNotifications(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapLiveApi();
        app.MapNotificationsApi();
        app.MapSavedSearchesApi();
        app.MapConversationsApi();
        app.MapMessagesApi();
        app.MapBlocksApi();
        return app;
    }
}
