using System.Text.Json;
using Dapper;
using EcoBid.Events.Envelope;
using EcoBid.Events.Monitoring;
using EcoBid.Events.Scheduling;
using EcoBid.Events.Signals;
using EcoBid.Events.Timers;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace EcoBid.Events.Sqlite.Tests.Timers;

/// <summary>Timers and schedules under a clock the test moves: exactly-once firing, move, cancel, catch-up.</summary>
public sealed class TimerServiceTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 3, 28, 23, 0, 0, TimeSpan.Zero);
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "ecobid-timer-tests", Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _clock = new(Start);
    private readonly RuntimeSignals _signals = new();
    private readonly RuntimeMonitor _monitor = new();
    private SqliteDatabase _database = null!;
    private SqliteTimerStore _timers = null!;

    public async Task InitializeAsync()
    {
        _database = new SqliteDatabase(Options.Create(new SqliteOptions { Path = Path.Combine(_directory, "timers.db") }), _signals, _clock);
        await _database.MigrateAsync([]);
        _timers = new SqliteTimerStore(_database, _signals);
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        _monitor.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task A_timer_fires_once_when_due_and_not_before()
    {
        var service = Service(ScheduleSet.Empty);
        await ScheduleAsync("reservation-expiry:r1", Start.AddHours(24), "ReservationExpiryDue");

        (await service.FireDueAsync(default)).ShouldBe(0);
        _clock.Advance(TimeSpan.FromHours(24) - TimeSpan.FromMilliseconds(1));
        (await service.FireDueAsync(default)).ShouldBe(0);
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        (await service.FireDueAsync(default)).ShouldBe(1);
        (await service.FireDueAsync(default)).ShouldBe(0);

        var published = await OutboxAsync();
        published.Select(e => e.DetailType).ShouldBe(["ReservationExpiryDue"]);
        published[0].Time.ShouldBe(Start.AddHours(24));
    }

    [Fact]
    public async Task Moving_a_timer_replaces_it_and_cancelling_removes_it()
    {
        var service = Service(ScheduleSet.Empty);
        await ScheduleAsync("auction-end:a1", Start.AddMinutes(10), "AuctionEndDue");
        await ScheduleAsync("auction-end:a1", Start.AddMinutes(12), "AuctionEndDue");
        await ScheduleAsync("auction-end:a2", Start.AddMinutes(5), "AuctionEndDue");
        (await _database.WriteAsync(scope => _timers.CancelAsync(scope, "auction-end:a2"))).ShouldBeTrue();
        (await _database.WriteAsync(scope => _timers.CancelAsync(scope, "auction-end:none"))).ShouldBeFalse();

        _clock.Advance(TimeSpan.FromMinutes(11));
        (await service.FireDueAsync(default)).ShouldBe(0);
        (await _timers.NextDueAtAsync(default)).ShouldBe(Start.AddMinutes(12));
        _clock.Advance(TimeSpan.FromMinutes(1));
        (await service.FireDueAsync(default)).ShouldBe(1);
        (await OutboxAsync()).Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_timer_scheduled_in_a_rolled_back_transaction_does_not_exist()
    {
        await Should.ThrowAsync<InvalidOperationException>(() => _database.WriteAsync<bool>(async scope =>
        {
            await _timers.ScheduleAsync(scope, new ScheduledTimer("k", Start, Envelope("X", Start).ToJson()));
            throw new InvalidOperationException("the state change failed");
        }));

        (await _timers.ListAsync(10, default)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_recurring_schedule_fires_once_to_catch_up_after_an_outage_then_keeps_its_cadence()
    {
        var service = Service(Schedules("""{ "schedules": [ { "name": "Sweep", "expression": "rate(1 hour)" } ] }"""));
        await service.RegisterSchedulesAsync(default);
        (await _timers.NextDueAtAsync(default)).ShouldBe(Start.AddHours(1));

        _clock.Advance(TimeSpan.FromHours(5.5)); // down through five fire times
        (await service.FireDueAsync(default)).ShouldBe(1);
        (await service.FireDueAsync(default)).ShouldBe(0);
        (await _timers.NextDueAtAsync(default)).ShouldBe(Start.AddHours(6));

        _clock.Advance(TimeSpan.FromHours(0.5));
        (await service.FireDueAsync(default)).ShouldBe(1);
        var fired = await OutboxAsync();
        fired.Count.ShouldBe(2);
        fired.ShouldAllBe(e => e.Source == "ecobid.scheduler" && e.DetailType == "Scheduled Event" && e.Resources.Single() == "schedule/Sweep");
        fired[0].Detail.GetProperty("scheduledTime").GetString().ShouldBe("2026-03-29T00:00:00.000Z");
        (await _timers.ListSchedulesAsync(default)).Single().LastFiredAt.ShouldBe(Start.AddHours(6));
    }

    [Fact]
    public async Task A_cron_schedule_in_a_zone_skips_the_daylight_saving_gap()
    {
        // 02:30 Warsaw does not exist on 29 March 2026.
        var service = Service(Schedules("""{ "schedules": [ { "name": "Night", "expression": "cron(30 2 * * ? *)", "timezone": "Europe/Warsaw" } ] }"""));
        await service.RegisterSchedulesAsync(default);

        (await _timers.NextDueAtAsync(default)).ShouldBe(new DateTimeOffset(2026, 3, 30, 0, 30, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task Registering_again_keeps_a_pending_schedule_and_a_changed_definition_starts_afresh()
    {
        await Service(Schedules("""{ "schedules": [ { "name": "Sweep", "expression": "rate(1 hour)" } ] }""")).RegisterSchedulesAsync(default);
        _clock.Advance(TimeSpan.FromMinutes(30));
        await Service(Schedules("""{ "schedules": [ { "name": "Sweep", "expression": "rate(1 hour)" } ] }""")).RegisterSchedulesAsync(default);
        (await _timers.NextDueAtAsync(default)).ShouldBe(Start.AddHours(1));

        await Service(Schedules("""{ "schedules": [ { "name": "Sweep", "expression": "rate(2 hours)" } ] }""")).RegisterSchedulesAsync(default);
        (await _timers.NextDueAtAsync(default)).ShouldBe(Start.AddMinutes(30).AddHours(2));

        await Service(ScheduleSet.Empty).RegisterSchedulesAsync(default);
        (await _timers.ListAsync(10, default)).ShouldBeEmpty();
        (await _timers.ListSchedulesAsync(default)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_schedule_past_its_end_date_stops()
    {
        var service = Service(Schedules("""{ "schedules": [ { "name": "Short", "expression": "rate(1 hour)", "endDate": "2026-03-29T01:30:00Z" } ] }"""));
        await service.RegisterSchedulesAsync(default);
        _clock.Advance(TimeSpan.FromHours(1));
        (await service.FireDueAsync(default)).ShouldBe(1);
        _clock.Advance(TimeSpan.FromHours(1));
        (await service.FireDueAsync(default)).ShouldBe(1);
        (await _timers.ListAsync(10, default)).ShouldBeEmpty();
    }

    private TimerService Service(ScheduleSet schedules) =>
        new(_database, _timers, schedules, _signals, _monitor, _clock, Options.Create(new RuntimeOptions()), NullLogger<TimerService>.Instance);

    private static ScheduleSet Schedules(string json) => ScheduleSetLoader.Parse(json);

    private Task ScheduleAsync(string key, DateTimeOffset due, string detailType) =>
        _database.WriteAsync(async scope =>
        {
            await _timers.ScheduleAsync(scope, new ScheduledTimer(key, due, Envelope(detailType, scope.Now).ToJson()));
            return true;
        });

    private static EventEnvelope Envelope(string detailType, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now).ToString(),
        Source = "ecobid.test",
        DetailType = detailType,
        Time = now,
        Detail = JsonSerializer.SerializeToElement(new { }),
    };

    private async Task<List<EventEnvelope>> OutboxAsync() =>
        [.. (await _database.ReadAsync(connection => connection.QueryAsync<string>("SELECT envelope FROM outbox ORDER BY seq"))).Select(EventEnvelope.FromJson)];
}
