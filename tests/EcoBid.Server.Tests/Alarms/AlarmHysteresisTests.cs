using EcoBid.Events;
using EcoBid.Events.Monitoring;
using EcoBid.Server.Alarms;
using EcoBid.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace EcoBid.Server.Tests.Alarms;

/// <summary>
/// The evaluator's state machine, round by round: the background rounds are an hour apart here, and the test runs
/// each round itself, over a real dead letter.
/// </summary>
public sealed class AlarmHysteresisTests : IDisposable
{
    private readonly EcoBidApp _app = new EcoBidApp()
        .With("Alarms:EvaluationInterval", "01:00:00")
        .With("Alarms:DeadLetters:RaiseAfter", "2")
        .With("Alarms:DeadLetters:ClearAfter", "3")
        .WithItemCreatedTarget("AlwaysFails", new { description = "Fails every time.", maxReceiveCount = 1 })
        .WithServices(services => services.AddEventHandler<AlwaysFails>("AlwaysFails"));

    public void Dispose() => _app.Dispose();

    private AlarmEvaluator Evaluator => _app.Services.GetRequiredService<AlarmEvaluator>();

    /// <summary>The evaluator stores a row per alarm when it starts; rounds run by hand wait for those.</summary>
    private Task AlarmRowsStoredAsync() => Eventually.TrueAsync(
        async () => await _app.Database.CountAsync("SELECT COUNT(*) FROM alarm_states") == AlarmNames.All.Count, what: "the alarm rows are stored");

    [Fact]
    public async Task An_alarm_is_raised_after_RaiseAfter_breaching_rounds_and_cleared_only_after_ClearAfter_good_rounds()
    {
        var (_, admin) = await _app.AdminVerifiedInDatabaseAsync();
        var (_, seller) = await _app.SignUpAsync();
        await seller.CreateItemAsync();
        await _app.WaitForAsync(a => a.Kind == RuntimeActivityKind.DeadLettered && a.Queue == "AlwaysFails");
        await AlarmRowsStoredAsync();

        var states = new List<string>();
        for (var round = 0; round < 2; round++)
        {
            await Evaluator.EvaluateAsync(CancellationToken.None);
            states.Add((await admin.AlarmAsync("DeadLetters")).GetProperty("state").GetString()!);
        }

        (await admin.DeleteAsync("/admin/dlq/AlwaysFails?confirm=AlwaysFails")).EnsureSuccessStatusCode();
        for (var round = 0; round < 3; round++)
        {
            await Evaluator.EvaluateAsync(CancellationToken.None);
            states.Add((await admin.AlarmAsync("DeadLetters")).GetProperty("state").GetString()!);
        }

        states.ShouldBe(["OK", "ALARM", "ALARM", "ALARM", "OK"]);
        var transitions = await admin.TransitionsAsync("DeadLetters");
        transitions.Select(t => t.GetProperty("state").GetString()).ShouldBe(["OK", "ALARM"]);
        (await _app.Database.CountAsync("SELECT COUNT(*) FROM (SELECT envelope FROM outbox UNION ALL SELECT envelope FROM event_archive) AS events WHERE json_extract(envelope, '$.detail.alarm') = 'DeadLetters'")).ShouldBe(2);
    }

    [Fact]
    public async Task A_transition_another_process_made_first_is_not_made_twice()
    {
        await AlarmRowsStoredAsync();
        var store = _app.Services.GetRequiredService<AlarmStore>();
        var definition = AlarmReadings.Definitions.Single(d => d.Name == AlarmNames.DeadLetters);
        var ok = (await store.ListAsync(CancellationToken.None)).Single(s => s.Name == AlarmNames.DeadLetters);
        ok.State.ShouldBe(AlarmState.Ok);
        var reading = new AlarmReading(1, "1 dead letters: Test 1.");

        // Two processes read OK and both decide to raise: the first one's compare-and-set wins, the second changes nothing.
        var first = await store.TransitionAsync(definition, ok, AlarmState.Alarm, reading, 0, CancellationToken.None);
        var second = await store.TransitionAsync(definition, ok, AlarmState.Alarm, reading, 0, CancellationToken.None);

        (first, second).ShouldBe((true, false));
        (await _app.Database.CountAsync("SELECT COUNT(*) FROM alarm_transitions WHERE name = 'DeadLetters'")).ShouldBe(1);
        (await _app.Database.CountAsync("SELECT COUNT(*) FROM (SELECT envelope FROM outbox UNION ALL SELECT envelope FROM event_archive) AS events WHERE json_extract(envelope, '$.detail-type') = 'AlarmRaised'")).ShouldBe(1);
    }
}
