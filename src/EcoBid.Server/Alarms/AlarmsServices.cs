using EcoBid.Events;
using EcoBid.Server.Handlers.AlarmChanged;

namespace EcoBid.Server.Alarms;

public static class AlarmsServices
{
    /// <summary>The alarm evaluator with its signals and readings, and the handler that tells admins.</summary>
    public static IServiceCollection AddEcoBidAlarms(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.Configure<AlarmOptions>(configuration.GetSection(AlarmOptions.Section));
        services.AddSingleton<AlarmSignals>();
        services.AddSingleton<AlarmReadings>();
        services.AddSingleton<AlarmStore>();
        services.AddSingleton<AlarmBoard>();
        services.AddSingleton<AlarmEvaluator>();
        services.AddHostedService(sp => sp.GetRequiredService<AlarmEvaluator>());
        services.AddEventHandler<NotifyAdmins>(NotifyAdmins.Target);
        return services;
    }
}
