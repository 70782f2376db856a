using EcoBid.Events.Scheduling;
using static EcoBid.Events.Tests.Scheduling.ScheduleTestKit;

namespace EcoBid.Events.Tests.Scheduling;

public class AtExpressionTests
{
    [Fact]
    public void At_is_a_wall_clock_time_in_the_schedule_zone()
    {
        var at = ScheduleExpression.Parse("at(2026-05-01T10:00:00)").ShouldBeOfType<AtExpression>();

        at.LocalTime.ShouldBe(new DateTime(2026, 5, 1, 10, 0, 0));
        at.NextAfter(T("2026-04-01T00:00:00Z"), Warsaw).ShouldBe(T("2026-05-01T08:00:00Z"));
        at.NextAfter(T("2026-04-01T00:00:00Z"), NewYork).ShouldBe(T("2026-05-01T14:00:00Z"));
        at.NextAfter(T("2026-04-01T00:00:00Z"), TimeZoneInfo.Utc).ShouldBe(T("2026-05-01T10:00:00Z"));
    }

    [Fact]
    public void Results_are_in_utc()
    {
        var fire = Next("at(2026-05-01T10:00:00)", "2026-04-01T00:00:00Z", Warsaw);

        fire.ShouldNotBeNull();
        fire.Value.Offset.ShouldBe(TimeSpan.Zero);
    }

    [Theory]
    [InlineData("2026-05-01T08:00:00Z")]
    [InlineData("2026-05-01T08:00:01Z")]
    [InlineData("2027-01-01T00:00:00Z")]
    public void At_in_the_past_or_exactly_now_has_no_next_fire(string after) =>
        Next("at(2026-05-01T10:00:00)", after, Warsaw).ShouldBeNull();

    [Fact]
    public void At_just_before_fires()
    {
        Next("at(2026-05-01T10:00:00)", "2026-05-01T07:59:59.999Z", Warsaw).ShouldBe(T("2026-05-01T08:00:00Z"));
    }

    [Fact]
    public void At_on_a_leap_day_parses()
    {
        Next("at(2028-02-29T12:00:00)", "2028-01-01T00:00:00Z").ShouldBe(T("2028-02-29T12:00:00Z"));
    }

    [Fact]
    public void At_in_a_spring_forward_gap_never_fires()
    {
        Next("at(2026-03-29T02:30:00)", "2026-03-01T00:00:00Z", Warsaw).ShouldBeNull();
        Next("at(2026-03-08T02:30:00)", "2026-03-01T00:00:00Z", NewYork).ShouldBeNull();
    }

    [Fact]
    public void At_in_a_fall_back_overlap_fires_once_at_the_first_occurrence()
    {
        Next("at(2026-10-25T02:30:00)", "2026-10-01T00:00:00Z", Warsaw).ShouldBe(T("2026-10-25T02:30:00+02:00"));
        Next("at(2026-10-25T02:30:00)", "2026-10-25T00:30:00Z", Warsaw).ShouldBeNull();
        Next("at(2026-11-01T01:30:00)", "2026-10-01T00:00:00Z", NewYork).ShouldBe(T("2026-11-01T05:30:00Z"));
    }
}
