using EcoBid.Events.Scheduling;
using static EcoBid.Events.Tests.Scheduling.ScheduleTestKit;

namespace EcoBid.Events.Tests.Scheduling;

public class ScheduleTimelineTests
{
    private static readonly TimeZoneInfo Utc = TimeZoneInfo.Utc;

    private static ScheduleExpression Parse(string text) => ScheduleExpression.Parse(text);

    [Fact]
    public void Next_lists_the_requested_number_of_fires()
    {
        ScheduleTimeline.Next(Parse("cron(0 10 * * ? *)"), Utc, T("2026-01-01T00:00:00Z"), 3)
            .ShouldBe(Series("2026-01-01T10:00:00Z", "2026-01-02T10:00:00Z", "2026-01-03T10:00:00Z"));
    }

    [Fact]
    public void Next_with_zero_count_is_empty_and_negative_count_throws()
    {
        ScheduleTimeline.Next(Parse("cron(0 10 * * ? *)"), Utc, T("2026-01-01T00:00:00Z"), 0).ShouldBeEmpty();
        Should.Throw<ArgumentOutOfRangeException>(
            () => ScheduleTimeline.Next(Parse("cron(0 10 * * ? *)"), Utc, T("2026-01-01T00:00:00Z"), -1));
    }

    [Fact]
    public void End_date_is_exclusive()
    {
        ScheduleTimeline.Next(Parse("cron(0 10 * * ? *)"), Utc, T("2026-01-01T00:00:00Z"), 10, endDate: T("2026-01-03T10:00:00Z"))
            .ShouldBe(Series("2026-01-01T10:00:00Z", "2026-01-02T10:00:00Z"));
    }

    [Fact]
    public void Start_date_is_inclusive()
    {
        ScheduleTimeline.Next(Parse("cron(0 10 * * ? *)"), Utc, T("2026-01-01T00:00:00Z"), 2, startDate: T("2026-01-05T10:00:00Z"))
            .ShouldBe(Series("2026-01-05T10:00:00Z", "2026-01-06T10:00:00Z"));
    }

    [Fact]
    public void Start_date_before_from_does_not_bring_back_past_fires()
    {
        ScheduleTimeline.Next(Parse("cron(0 10 * * ? *)"), Utc, T("2026-01-10T12:00:00Z"), 1, startDate: T("2026-01-01T00:00:00Z"))
            .ShouldBe(Series("2026-01-11T10:00:00Z"));
    }

    [Fact]
    public void Window_with_end_before_start_is_empty()
    {
        ScheduleTimeline.Next(
                Parse("cron(0 10 * * ? *)"), Utc, T("2026-01-01T00:00:00Z"), 5,
                startDate: T("2026-02-01T00:00:00Z"), endDate: T("2026-01-15T00:00:00Z"))
            .ShouldBeEmpty();
    }

    [Fact]
    public void At_yields_a_single_fire_and_stops()
    {
        ScheduleTimeline.Next(Parse("at(2026-05-01T10:00:00)"), Warsaw, T("2026-01-01T00:00:00Z"), 5)
            .ShouldBe(Series("2026-05-01T08:00:00Z"));
        ScheduleTimeline.Next(Parse("at(2026-05-01T10:00:00)"), Warsaw, T("2026-06-01T00:00:00Z"), 5).ShouldBeEmpty();
    }

    [Fact]
    public void At_outside_the_window_never_fires()
    {
        ScheduleTimeline.Next(
                Parse("at(2026-05-01T10:00:00)"), Utc, T("2026-01-01T00:00:00Z"), 5, endDate: T("2026-04-01T00:00:00Z"))
            .ShouldBeEmpty();
    }

    [Fact]
    public void Cron_stops_early_when_its_years_run_out()
    {
        ScheduleTimeline.Next(Parse("cron(0 0 1 1 ? 2026-2028)"), Utc, T("2025-06-01T00:00:00Z"), 10)
            .ShouldBe(Series("2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z", "2028-01-01T00:00:00Z"));
    }

    [Fact]
    public void Rate_is_anchored_at_the_start_date()
    {
        var fires = ScheduleTimeline.Next(
            Parse("rate(1 hour)"), Utc, T("2026-01-01T09:00:00Z"), 3, startDate: T("2026-01-01T10:00:00Z"));

        fires.ShouldBe(Series("2026-01-01T10:00:00Z", "2026-01-01T11:00:00Z", "2026-01-01T12:00:00Z"));
    }

    [Fact]
    public void Rate_after_its_start_date_stays_on_the_start_date_grid()
    {
        var fires = ScheduleTimeline.Next(
            Parse("rate(15 minutes)"), Utc, T("2026-01-01T10:50:00Z"), 2, startDate: T("2026-01-01T10:05:00Z"));

        fires.ShouldBe(Series("2026-01-01T11:05:00Z", "2026-01-01T11:20:00Z"));
    }

    [Fact]
    public void Rate_without_start_date_is_anchored_at_from()
    {
        ScheduleTimeline.Next(Parse("rate(5 minutes)"), Utc, T("2026-01-01T10:02:30Z"), 3)
            .ShouldBe(Series("2026-01-01T10:07:30Z", "2026-01-01T10:12:30Z", "2026-01-01T10:17:30Z"));
    }

    [Fact]
    public void Rate_respects_the_end_date()
    {
        ScheduleTimeline.Next(
                Parse("rate(1 day)"), Utc, T("2026-01-01T00:00:00Z"), 10,
                startDate: T("2026-01-01T00:00:00Z"), endDate: T("2026-01-04T00:00:00Z"))
            .ShouldBe(Series("2026-01-02T00:00:00Z", "2026-01-03T00:00:00Z"));
    }

    [Fact]
    public void Window_contains_start_but_not_end()
    {
        var window = new ScheduleWindow(T("2026-01-01T00:00:00Z"), T("2026-02-01T00:00:00Z"));

        window.Contains(T("2026-01-01T00:00:00Z")).ShouldBeTrue();
        window.Contains(T("2026-01-31T23:59:59Z")).ShouldBeTrue();
        window.Contains(T("2026-02-01T00:00:00Z")).ShouldBeFalse();
        window.Contains(T("2025-12-31T23:59:59Z")).ShouldBeFalse();
        ScheduleWindow.Unbounded.Contains(DateTimeOffset.MinValue).ShouldBeTrue();
    }
}
