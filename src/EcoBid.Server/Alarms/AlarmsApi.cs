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
            var stored = state?.State ?? AlarmState.Ok;
            // The evaluator stores a transition before it records the reading here: between the two, the last reading
            // belongs to the state before, so the transition's own value and reason are the ones that agree with it.
            var last = board.Find(alarm.Name) is { } entry && entry.InAlarm == (stored == AlarmState.Alarm) ? entry : null;
            return new AlarmView(
                alarm.Name, alarm.Description, alarm.Unit, stored, state?.Since,
                rule.Threshold, rule.EffectiveClearThreshold, rule.Enabled && options.Value.Enabled, evaluated.Contains(alarm.Name),
                last?.Reading.Value ?? state?.Value, last?.Reading.Reason ?? state?.Reason, last?.EvaluatedAt);
        }).ToList();
        var transitions = await store.RecentTransitionsAsync(Math.Clamp(options.Value.RecentTransitions, 1, 1000), cancellationToken);
        return TypedResults.Ok(new AlarmsResponse(alarms, transitions));
    }
}

/// <summary>
/// An alarm as <c>/admin/alarms</c> shows it. <see cref="State"/> and <see cref="Since"/> are the stored state, shared by
/// every process; <see cref="Value"/>, <see cref="Reason"/> and <see cref="EvaluatedAt"/> are this process's last
/// reading when it agrees with the stored state, otherwise the value and reason of the transition that made the state
/// (with <see cref="EvaluatedAt"/> <c>null</c>): a process that does not evaluate the alarm (<see cref="EvaluatedHere"/>),
/// or one whose next reading is not recorded yet, never shows a reason that contradicts the state.
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
