using static EcoBid.Events.Tests.Scheduling.ScheduleTestKit;

namespace EcoBid.Events.Tests.Scheduling;

/// <summary>
/// EventBridge Scheduler: in the spring a fire that falls on a non-existent local time is skipped; in the fall
/// a repeated local time fires once (its first occurrence). Warsaw: 2026-03-29 02:00→03:00 and
/// 2026-10-25 03:00→02:00. New York: 2026-03-08 02:00→03:00 and 2026-11-01 02:00→01:00.
/// </summary>
public class DaylightSavingTests
{
    [Fact]
    public void Iana_zones_resolve_under_invariant_globalization()
    {
        Warsaw.Id.ShouldBe("Europe/Warsaw");
        Warsaw.GetUtcOffset(T("2026-01-15T12:00:00Z")).ShouldBe(TimeSpan.FromHours(1));
        Warsaw.GetUtcOffset(T("2026-07-15T12:00:00Z")).ShouldBe(TimeSpan.FromHours(2));
        NewYork.GetUtcOffset(T("2026-01-15T12:00:00Z")).ShouldBe(TimeSpan.FromHours(-5));
        NewYork.GetUtcOffset(T("2026-07-15T12:00:00Z")).ShouldBe(TimeSpan.FromHours(-4));
    }

    [Fact]
    public void Warsaw_spring_forward_skips_the_missing_time()
    {
        Take("cron(30 2 * * ? *)", "2026-03-27T12:00:00Z", 3, Warsaw).ShouldBe(Series(
            "2026-03-28T02:30:00+01:00", "2026-03-30T02:30:00+02:00", "2026-03-31T02:30:00+02:00"));
    }

    [Fact]
    public void Warsaw_spring_forward_every_fifteen_minutes_jumps_the_gap()
    {
        Take("cron(0/15 * * * ? *)", "2026-03-29T01:30:00+01:00", 3, Warsaw).ShouldBe(Series(
            "2026-03-29T01:45:00+01:00", "2026-03-29T03:00:00+02:00", "2026-03-29T03:15:00+02:00"));
    }

    [Fact]
    public void Warsaw_spring_forward_keeps_times_just_outside_the_gap()
    {
        Next("cron(59 1 * * ? *)", "2026-03-28T12:00:00Z", Warsaw).ShouldBe(T("2026-03-29T01:59:00+01:00"));
        Next("cron(0 3 * * ? *)", "2026-03-28T12:00:00Z", Warsaw).ShouldBe(T("2026-03-29T03:00:00+02:00"));
    }

    [Fact]
    public void Warsaw_fall_back_fires_the_repeated_time_once()
    {
        Take("cron(30 2 * * ? *)", "2026-10-24T12:00:00Z", 2, Warsaw).ShouldBe(Series(
            "2026-10-25T02:30:00+02:00", "2026-10-26T02:30:00+01:00"));
    }

    [Fact]
    public void Warsaw_fall_back_every_fifteen_minutes_is_silent_during_the_repeat()
    {
        Take("cron(0/15 * * * ? *)", "2026-10-25T02:30:00+02:00", 3, Warsaw).ShouldBe(Series(
            "2026-10-25T02:45:00+02:00", "2026-10-25T03:00:00+01:00", "2026-10-25T03:15:00+01:00"));
    }

    [Fact]
    public void Warsaw_fall_back_asked_from_inside_the_second_occurrence()
    {
        // 2026-10-25T01:10Z is 02:10 for the second time (CET); 02:15 and later already fired in CEST.
        Next("cron(0/15 * * * ? *)", "2026-10-25T01:10:00Z", Warsaw).ShouldBe(T("2026-10-25T03:00:00+01:00"));
    }

    [Fact]
    public void New_york_spring_forward_skips_the_missing_time()
    {
        Take("cron(30 2 * * ? *)", "2026-03-07T12:00:00Z", 2, NewYork).ShouldBe(Series(
            "2026-03-09T02:30:00-04:00", "2026-03-10T02:30:00-04:00"));
    }

    [Fact]
    public void New_york_spring_forward_hourly_has_no_two_oclock()
    {
        Take("cron(0 * * * ? *)", "2026-03-08T00:30:00-05:00", 3, NewYork).ShouldBe(Series(
            "2026-03-08T01:00:00-05:00", "2026-03-08T03:00:00-04:00", "2026-03-08T04:00:00-04:00"));
    }

    [Fact]
    public void New_york_fall_back_fires_the_repeated_time_once()
    {
        Take("cron(30 1 * * ? *)", "2026-10-31T12:00:00Z", 2, NewYork).ShouldBe(Series(
            "2026-11-01T01:30:00-04:00", "2026-11-02T01:30:00-05:00"));
    }

    [Fact]
    public void New_york_fall_back_hourly_skips_the_second_one_oclock()
    {
        Take("cron(0 * * * ? *)", "2026-11-01T00:30:00-04:00", 3, NewYork).ShouldBe(Series(
            "2026-11-01T01:00:00-04:00", "2026-11-01T02:00:00-05:00", "2026-11-01T03:00:00-05:00"));
    }

    [Fact]
    public void New_york_fall_back_asked_from_inside_the_second_occurrence()
    {
        // 2026-11-01T06:10Z is 01:10 EST, the repeated hour.
        Next("cron(30 1 * * ? *)", "2026-11-01T06:10:00Z", NewYork).ShouldBe(T("2026-11-02T01:30:00-05:00"));
        Next("cron(0/15 * * * ? *)", "2026-11-01T06:10:00Z", NewYork).ShouldBe(T("2026-11-01T02:00:00-05:00"));
    }

    [Fact]
    public void Daily_fire_outside_the_transition_hour_keeps_its_wall_time()
    {
        Take("cron(0 9 * * ? *)", "2026-03-07T00:00:00Z", 3, NewYork).ShouldBe(Series(
            "2026-03-07T09:00:00-05:00", "2026-03-08T09:00:00-04:00", "2026-03-09T09:00:00-04:00"));
        Take("cron(0 9 * * ? *)", "2026-10-24T00:00:00Z", 3, Warsaw).ShouldBe(Series(
            "2026-10-24T09:00:00+02:00", "2026-10-25T09:00:00+01:00", "2026-10-26T09:00:00+01:00"));
    }
}
