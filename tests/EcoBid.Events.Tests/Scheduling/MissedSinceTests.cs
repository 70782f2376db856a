using EcoBid.Events.Scheduling;
using static EcoBid.Events.Tests.Scheduling.ScheduleTestKit;

namespace EcoBid.Events.Tests.Scheduling;

public class MissedSinceTests
{
    private static DateTimeOffset? Missed(
        string expression, string lastFired, string now, string? endDate = null, TimeZoneInfo? zone = null) =>
        ScheduleTimeline.MissedSince(
            ScheduleExpression.Parse(expression),
            zone ?? TimeZoneInfo.Utc,
            T(lastFired),
            T(now),
            endDate is null ? null : T(endDate));

    [Fact]
    public void Several_missed_slots_give_one_catch_up_at_the_latest()
    {
        Missed("cron(0/15 * * * ? *)", "2026-01-01T10:00:00Z", "2026-01-01T11:07:00Z").ShouldBe(T("2026-01-01T11:00:00Z"));
    }

    [Fact]
    public void Nothing_missed_gives_null()
    {
        Missed("cron(0/15 * * * ? *)", "2026-01-01T10:00:00Z", "2026-01-01T10:14:59Z").ShouldBeNull();
    }

    [Fact]
    public void A_slot_due_exactly_now_is_owed()
    {
        Missed("cron(0/15 * * * ? *)", "2026-01-01T10:00:00Z", "2026-01-01T10:15:00Z").ShouldBe(T("2026-01-01T10:15:00Z"));
    }

    [Theory]
    [InlineData("2026-01-01T10:00:00Z")]
    [InlineData("2026-01-01T09:00:00Z")]
    public void Now_not_after_last_fire_gives_null(string now) =>
        Missed("cron(0/15 * * * ? *)", "2026-01-01T10:00:00Z", now).ShouldBeNull();

    [Theory]
    [InlineData("2026-01-01T10:40:00Z", "2026-01-01T10:30:00Z")]
    [InlineData("2026-01-01T10:45:00Z", "2026-01-01T10:30:00Z")]
    [InlineData("2026-01-01T10:45:00.0000001Z", "2026-01-01T10:45:00Z")]
    public void Slots_at_or_after_the_end_date_are_not_owed(string endDate, string expected) =>
        Missed("cron(0/15 * * * ? *)", "2026-01-01T10:00:00Z", "2026-01-01T12:00:00Z", endDate).ShouldBe(T(expected));

    [Fact]
    public void End_date_before_any_missed_slot_gives_null()
    {
        Missed("cron(0/15 * * * ? *)", "2026-01-01T10:00:00Z", "2026-01-01T12:00:00Z", "2026-01-01T10:15:00Z").ShouldBeNull();
    }

    [Fact]
    public void Rate_catch_up_stays_on_the_grid_of_the_last_fire()
    {
        Missed("rate(5 minutes)", "2026-01-01T10:00:00Z", "2026-01-01T10:23:00Z").ShouldBe(T("2026-01-01T10:20:00Z"));
        Missed("rate(5 minutes)", "2026-01-01T10:00:00Z", "2026-01-01T10:04:59Z").ShouldBeNull();
        Missed("rate(1 day)", "2026-01-01T06:00:00Z", "2026-03-15T05:00:00Z").ShouldBe(T("2026-03-14T06:00:00Z"));
    }

    [Fact]
    public void Missed_at_fires_once_and_then_never_again()
    {
        Missed("at(2026-01-01T10:30:00)", "2026-01-01T10:00:00Z", "2026-01-01T12:00:00Z").ShouldBe(T("2026-01-01T10:30:00Z"));
        Missed("at(2026-01-01T10:30:00)", "2026-01-01T10:30:00Z", "2026-01-01T12:00:00Z").ShouldBeNull();
    }

    [Fact]
    public void Year_long_outage_of_a_minutely_schedule_gives_the_last_minute()
    {
        Missed("cron(* * * * ? *)", "2026-01-01T00:00:00Z", "2026-12-31T23:59:30Z").ShouldBe(T("2026-12-31T23:59:00Z"));
    }

    [Fact]
    public void Multi_day_outage_of_a_weekday_schedule_gives_the_last_weekday()
    {
        // Friday 2 January fired; back on Tuesday 13 January at 09:00, before that day's 18:00.
        Missed("cron(0 18 ? * MON-FRI *)", "2026-01-02T18:00:00Z", "2026-01-13T09:00:00Z").ShouldBe(T("2026-01-12T18:00:00Z"));
    }

    [Fact]
    public void Slot_in_a_spring_forward_gap_was_never_due()
    {
        // 02:30 does not exist in Warsaw on 29 March 2026, so nothing was missed that day.
        Missed("cron(30 2 * * ? *)", "2026-03-28T01:30:00Z", "2026-03-29T23:00:00Z", zone: Warsaw).ShouldBeNull();
        Missed("cron(30 2 * * ? *)", "2026-03-28T01:30:00Z", "2026-03-30T01:00:00Z", zone: Warsaw)
            .ShouldBe(T("2026-03-30T02:30:00+02:00"));
    }
}
