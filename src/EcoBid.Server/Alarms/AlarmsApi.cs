using EcoBid.Server.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace EcoBid.Server.Alarms;

public static class AlarmsApi
{
    public static IEndpointRouteBuilder MapAlarmsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/admin/alarms", List).WithTags("Admin").RequireAuthorization(CurrentUser.AdminPolicy)
            .WithSummary("Every alarm: OK or ALARM since when, its threshold, its last value and reason; and the recent transitions, newest first.");
        return routes;
    }

    public static async Task<Ok<AlarmsResponse>> List(AlarmStore store, AlarmBoard board, AlarmEvaluator evaluator, IOptions<AlarmOptions> options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        var states = (await store.ListAsync(cancellationToken)).ToDictionary(s => s.Name, StringComparer.Ordinal);
        var evaluated = evaluator.Evaluated.Select(a => a.Name).ToHashSet(StringComparer.Ordinal);
        var alarms = AlarmReadings.Definitions.Select(alarm =>
        {
            var rule = options.Value.For(alarm.Name);
            var state = states.GetValueOrDefault(alarm.Name);
            var last = board.Find(alarm.Name);
            return new AlarmView(
                alarm.Name, alarm.Description, alarm.Unit, state?.State ?? AlarmState.Ok, state?.Since,
                rule.Threshold, rule.EffectiveClearThreshold, rule.Enabled && options.Value.Enabled, evaluated.Contains(alarm.Name),
                last?.Reading.Value, last?.Reading.Reason ?? state?.Reason, last?.EvaluatedAt);
        }).ToList();
        var transitions = await store.RecentTransitionsAsync(Math.Clamp(options.Value.RecentTransitions, 1, 1000), cancellationToken);
        return TypedResults.Ok(new AlarmsResponse(alarms, transitions));
    }
}

/// <summary>
/// An alarm as <c>/admin/alarms</c> shows it. <see cref="State"/> and <see cref="Since"/> are the stored state, shared by
/// every process; <see cref="Value"/>, <see cref="Reason"/> and <see cref="EvaluatedAt"/> are this process's last
/// reading (<c>null</c> when this process does not evaluate the alarm: <see cref="EvaluatedHere"/>).
/// </summary>
public sealed record AlarmView(
    string Name,
    string Description,
    string Unit,
    string State,
    DateTimeOffset? Since,
    double Threshold,
    double ClearThreshold,
    bool Enabled,
    bool EvaluatedHere,
    double? Value,
    string? Reason,
    DateTimeOffset? EvaluatedAt);

public sealed record AlarmsResponse(IReadOnlyList<AlarmView> Alarms, IReadOnlyList<AlarmTransition> Transitions);
