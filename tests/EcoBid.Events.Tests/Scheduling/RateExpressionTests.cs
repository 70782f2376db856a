using EcoBid.Events.Scheduling;
using static EcoBid.Events.Tests.Scheduling.ScheduleTestKit;

namespace EcoBid.Events.Tests.Scheduling;

public class RateExpressionTests
{
    [Theory]
    [InlineData("rate(1 minute)", 1, RateUnit.Minute, 1)]
    [InlineData("rate(5 minutes)", 5, RateUnit.Minute, 5)]
    [InlineData("rate(1 hour)", 1, RateUnit.Hour, 60)]
    [InlineData("rate(12 hours)", 12, RateUnit.Hour, 720)]
    [InlineData("rate(1 day)", 1, RateUnit.Day, 1440)]
    [InlineData("rate(7 days)", 7, RateUnit.Day, 10080)]
    [InlineData("rate(  15   minutes )", 15, RateUnit.Minute, 15)]
    public void Valid_rates_parse(string text, int value, RateUnit unit, int minutes)
    {
        var rate = ScheduleExpression.Parse(text).ShouldBeOfType<RateExpression>();

        rate.Value.ShouldBe(value);
        rate.Unit.ShouldBe(unit);
        rate.Interval.ShouldBe(TimeSpan.FromMinutes(minutes));
    }

    [Theory]
    [InlineData("rate(1 minutes)", "unit 'minutes' requires a value greater than 1 ('rate(1 minute)')")]
    [InlineData("rate(1 hours)", "unit 'hours' requires a value greater than 1 ('rate(1 hour)')")]
    [InlineData("rate(1 days)", "unit 'days' requires a value greater than 1 ('rate(1 day)')")]
    [InlineData("rate(5 minute)", "unit 'minute' requires the value 1 ('rate(5 minutes)')")]
    [InlineData("rate(2 hour)", "unit 'hour' requires the value 1 ('rate(2 hours)')")]
    [InlineData("rate(3 day)", "unit 'day' requires the value 1 ('rate(3 days)')")]
    [InlineData("rate(0 minutes)", "rate value must be a positive integer")]
    [InlineData("rate(-5 minutes)", "rate value must be a positive integer")]
    [InlineData("rate(1.5 hours)", "rate value must be a positive integer")]
    [InlineData("rate(five minutes)", "rate value must be a positive integer")]
    [InlineData("rate(+5 minutes)", "rate value must be a positive integer")]
    [InlineData("rate(2000000 minutes)", "rate value must be at most 1000000")]
    [InlineData("rate(99999999999999999999 days)", "rate value must be at most 1000000")]
    [InlineData("rate(5 weeks)", "unknown rate unit 'weeks'; expected minute, minutes, hour, hours, day or days")]
    [InlineData("rate(5 Minutes)", "unknown rate unit 'Minutes'")]
    [InlineData("rate(5)", "expected 'rate(value unit)'")]
    [InlineData("rate()", "expected 'rate(value unit)'")]
    [InlineData("rate(5 minutes later)", "expected 'rate(value unit)'")]
    public void Invalid_rates_name_the_fault(string text, string detail)
    {
        var thrown = Should.Throw<InvalidScheduleExpressionException>(() => ScheduleExpression.Parse(text));

        thrown.Message.ShouldStartWith($"Invalid rate expression '{text}': ");
        thrown.Message.ShouldContain(detail);
    }

    [Fact]
    public void NextAfter_is_one_interval_after_the_origin_in_any_zone()
    {
        var rate = ScheduleExpression.Parse("rate(5 minutes)");

        rate.NextAfter(T("2026-01-01T10:00:00Z"), TimeZoneInfo.Utc).ShouldBe(T("2026-01-01T10:05:00Z"));
        rate.NextAfter(T("2026-01-01T10:00:00Z"), Warsaw).ShouldBe(T("2026-01-01T10:05:00Z"));
    }

    [Theory]
    [InlineData("2026-01-01T10:07:00Z", "2026-01-01T10:10:00Z")]
    [InlineData("2026-01-01T10:10:00Z", "2026-01-01T10:15:00Z")]
    [InlineData("2026-01-01T09:00:00Z", "2026-01-01T10:00:00Z")]
    [InlineData("2026-01-01T09:59:59.999Z", "2026-01-01T10:00:00Z")]
    [InlineData("2026-01-01T10:00:00Z", "2026-01-01T10:05:00Z")]
    [InlineData("2026-01-02T10:02:00Z", "2026-01-02T10:05:00Z")]
    public void Anchored_rate_stays_on_its_grid(string after, string expected)
    {
        var rate = (RateExpression)ScheduleExpression.Parse("rate(5 minutes)");

        rate.NextAfter(T(after), anchor: T("2026-01-01T10:00:00Z")).ShouldBe(T(expected));
    }

    [Fact]
    public void Rate_counts_elapsed_time_across_spring_forward()
    {
        // Warsaw moves from +01:00 to +02:00 at 2026-03-29T01:00Z; 24 elapsed hours later the wall clock reads an hour later.
        var fires = Take("rate(1 day)", "2026-03-28T12:00:00Z", 2, Warsaw);

        fires.ShouldBe(Series("2026-03-29T12:00:00Z", "2026-03-30T12:00:00Z"));
        fires[0].ShouldBe(T("2026-03-29T14:00:00+02:00"));
    }

    [Fact]
    public void Rate_fires_every_elapsed_hour_through_fall_back()
    {
        // New York repeats 01:00-01:59 on 2026-11-01; an hourly rate still fires every 60 minutes.
        Take("rate(1 hour)", "2026-11-01T04:30:00Z", 3, NewYork)
            .ShouldBe(Series("2026-11-01T05:30:00Z", "2026-11-01T06:30:00Z", "2026-11-01T07:30:00Z"));
    }

    [Fact]
    public void Rate_near_the_end_of_time_has_no_next_fire()
    {
        var rate = ScheduleExpression.Parse("rate(2 days)");

        rate.NextAfter(DateTimeOffset.MaxValue.AddDays(-1), TimeZoneInfo.Utc).ShouldBeNull();
    }
}
