using static EcoBid.Events.Tests.Scheduling.ScheduleTestKit;

namespace EcoBid.Events.Tests.Scheduling;

public class CronExpressionTests
{
    // The examples table of "Schedule types on EventBridge Scheduler". 2026-01-01 is a Thursday.
    [Theory]
    [InlineData("cron(0 10 * * ? *)", "2026-01-01T09:00:00Z", "2026-01-01T10:00:00Z", "2026-01-02T10:00:00Z")]
    [InlineData("cron(15 12 * * ? *)", "2026-01-01T12:15:00Z", "2026-01-02T12:15:00Z", "2026-01-03T12:15:00Z")]
    [InlineData("cron(0 18 ? * MON-FRI *)", "2026-01-02T18:00:00Z", "2026-01-05T18:00:00Z", "2026-01-06T18:00:00Z")]
    [InlineData("cron(0 8 1 * ? *)", "2026-01-01T08:00:00Z", "2026-02-01T08:00:00Z", "2026-03-01T08:00:00Z")]
    [InlineData("cron(0/15 * * * ? *)", "2026-01-01T10:07:00Z", "2026-01-01T10:15:00Z", "2026-01-01T10:30:00Z")]
    [InlineData("cron(0/10 * ? * MON-FRI *)", "2026-01-02T23:55:00Z", "2026-01-05T00:00:00Z", "2026-01-05T00:10:00Z")]
    [InlineData("cron(0/5 8-17 ? * MON-FRI *)", "2026-01-01T17:55:00Z", "2026-01-02T08:00:00Z", "2026-01-02T08:05:00Z")]
    [InlineData("cron(0 9 ? * 2#1 *)", "2026-01-01T00:00:00Z", "2026-01-05T09:00:00Z", "2026-02-02T09:00:00Z")]
    public void Documented_examples(string expression, string from, string first, string second) =>
        Take(expression, from, 2).ShouldBe(Series(first, second));

    [Fact]
    public void Every_five_minutes_on_weekdays_ends_the_day_at_seventeen_fifty_five()
    {
        Take("cron(0/5 8-17 ? * MON-FRI *)", "2026-01-02T17:50:00Z", 2)
            .ShouldBe(Series("2026-01-02T17:55:00Z", "2026-01-05T08:00:00Z"));
    }

    [Theory]
    [InlineData("2026-01-01T09:59:59.999Z", "2026-01-01T10:00:00Z")]
    [InlineData("2026-01-01T10:00:00Z", "2026-01-02T10:00:00Z")]
    [InlineData("2026-01-01T10:00:00.001Z", "2026-01-02T10:00:00Z")]
    [InlineData("2026-01-01T11:00:00+01:00", "2026-01-02T10:00:00Z")]
    public void Next_fire_is_strictly_after(string after, string expected) =>
        Next("cron(0 10 * * ? *)", after).ShouldBe(T(expected));

    [Theory]
    [InlineData("cron(*/20 * * * ? *)", "2026-01-01T10:05:00Z", "2026-01-01T10:20:00Z")]
    [InlineData("cron(*/20 * * * ? *)", "2026-01-01T10:40:00Z", "2026-01-01T11:00:00Z")]
    [InlineData("cron(5/20 * * * ? *)", "2026-01-01T10:05:00Z", "2026-01-01T10:25:00Z")]
    [InlineData("cron(5/20 * * * ? *)", "2026-01-01T10:45:00Z", "2026-01-01T11:05:00Z")]
    [InlineData("cron(0 8-17/3 * * ? *)", "2026-01-01T14:00:00Z", "2026-01-01T17:00:00Z")]
    [InlineData("cron(0 8-17/3 * * ? *)", "2026-01-01T17:00:00Z", "2026-01-02T08:00:00Z")]
    [InlineData("cron(0 0 1-31/10 * ? *)", "2026-01-21T00:00:00Z", "2026-01-31T00:00:00Z")]
    [InlineData("cron(0 0 1-31/10 * ? *)", "2026-01-31T00:00:00Z", "2026-02-01T00:00:00Z")]
    [InlineData("cron(0 0 1 */4 ? *)", "2026-01-01T00:00:00Z", "2026-05-01T00:00:00Z")]
    [InlineData("cron(0 0 ? * 2/2 *)", "2026-01-05T00:00:00Z", "2026-01-07T00:00:00Z")]
    public void Steps(string expression, string after, string expected) =>
        Next(expression, after).ShouldBe(T(expected));

    [Theory]
    [InlineData("cron(10,40 * * * ? *)", "2026-01-01T10:10:00Z", "2026-01-01T10:40:00Z")]
    [InlineData("cron(0 9-11,15 * * ? *)", "2026-01-01T11:00:00Z", "2026-01-01T15:00:00Z")]
    [InlineData("cron(0 0 ? * SAT,SUN *)", "2026-01-01T00:00:00Z", "2026-01-03T00:00:00Z")]
    [InlineData("cron(0 0 ? * 1,7 *)", "2026-01-03T00:00:00Z", "2026-01-04T00:00:00Z")]
    [InlineData("cron(0 0 ? * FRI-MON *)", "2026-01-04T00:00:00Z", "2026-01-05T00:00:00Z")]
    [InlineData("cron(0 0 ? * FRI-MON *)", "2026-01-05T00:00:00Z", "2026-01-09T00:00:00Z")]
    [InlineData("cron(0 22-2 * * ? *)", "2026-01-01T02:00:00Z", "2026-01-01T22:00:00Z")]
    [InlineData("cron(0 22-2 * * ? *)", "2026-01-01T23:00:00Z", "2026-01-02T00:00:00Z")]
    [InlineData("cron(0 0 1 NOV-FEB ? *)", "2026-02-01T00:00:00Z", "2026-11-01T00:00:00Z")]
    [InlineData("cron(0 12 15 JUN,DEC ? *)", "2026-01-01T00:00:00Z", "2026-06-15T12:00:00Z")]
    [InlineData("cron(0 12 15 6,12 ? *)", "2026-06-15T12:00:00Z", "2026-12-15T12:00:00Z")]
    public void Lists_ranges_names_and_wrapping_ranges(string expression, string after, string expected) =>
        Next(expression, after).ShouldBe(T(expected));

    [Fact]
    public void Day_31_skips_months_without_one()
    {
        Take("cron(0 0 31 * ? *)", "2026-01-31T00:00:00Z", 3)
            .ShouldBe(Series("2026-03-31T00:00:00Z", "2026-05-31T00:00:00Z", "2026-07-31T00:00:00Z"));
    }

    [Fact]
    public void Day_30_skips_february()
    {
        Next("cron(0 0 30 * ? *)", "2026-01-30T00:00:00Z").ShouldBe(T("2026-03-30T00:00:00Z"));
    }

    [Fact]
    public void Twenty_ninth_of_february_fires_only_in_leap_years()
    {
        Take("cron(0 0 29 2 ? *)", "2026-01-01T00:00:00Z", 2)
            .ShouldBe(Series("2028-02-29T00:00:00Z", "2032-02-29T00:00:00Z"));
    }

    [Fact]
    public void Twenty_ninth_of_february_skips_2100_which_is_not_a_leap_year()
    {
        Next("cron(0 0 29 2 ? *)", "2096-03-01T00:00:00Z").ShouldBe(T("2104-02-29T00:00:00Z"));
    }

    [Theory]
    [InlineData("cron(0 0 1 1 ? 2027)", "2026-06-01T00:00:00Z", "2027-01-01T00:00:00Z")]
    [InlineData("cron(0 0 1 1 ? 2027-2028)", "2027-01-01T00:00:00Z", "2028-01-01T00:00:00Z")]
    [InlineData("cron(0 0 1 1 ? 2030/5)", "2030-01-01T00:00:00Z", "2035-01-01T00:00:00Z")]
    [InlineData("cron(0 0 1 1 ? 2026,2031)", "2026-01-01T00:00:00Z", "2031-01-01T00:00:00Z")]
    [InlineData("cron(0 0 1 1 ? *)", "1950-06-01T00:00:00Z", "1970-01-01T00:00:00Z")]
    public void Year_field(string expression, string after, string expected) =>
        Next(expression, after).ShouldBe(T(expected));

    [Theory]
    [InlineData("cron(0 0 1 1 ? 2026)", "2026-01-01T00:00:00Z")]
    [InlineData("cron(0 0 1 1 ? 2027-2028)", "2028-01-01T00:00:00Z")]
    [InlineData("cron(0 0 31 12 ? *)", "2199-12-31T00:00:00Z")]
    [InlineData("cron(0 0 * * ? *)", "2200-06-01T00:00:00Z")]
    [InlineData("cron(0 0 30 2 ? *)", "2026-01-01T00:00:00Z")]
    [InlineData("cron(0 0 31 2,4,6,9,11 ? *)", "2026-01-01T00:00:00Z")]
    public void Exhausted_or_impossible_schedules_have_no_next_fire(string expression, string after) =>
        Next(expression, after).ShouldBeNull();

    [Fact]
    public void Extreme_instants_are_handled()
    {
        Next("cron(0 0 1 1 ? *)", "0001-01-01T00:00:00Z").ShouldBe(T("1970-01-01T00:00:00Z"));
        Next("cron(0 0 1 1 ? *)", "9999-12-31T00:00:00Z", Warsaw).ShouldBeNull();
    }

    [Fact]
    public void Wall_clock_fields_are_read_in_the_schedule_zone()
    {
        // 09:00 in Warsaw is 08:00Z in winter and 07:00Z in summer; in New York 14:00Z and 13:00Z.
        Next("cron(0 9 * * ? *)", "2026-01-10T00:00:00Z", Warsaw).ShouldBe(T("2026-01-10T08:00:00Z"));
        Next("cron(0 9 * * ? *)", "2026-07-10T00:00:00Z", Warsaw).ShouldBe(T("2026-07-10T07:00:00Z"));
        Next("cron(0 9 * * ? *)", "2026-01-10T00:00:00Z", NewYork).ShouldBe(T("2026-01-10T14:00:00Z"));
        Next("cron(0 9 * * ? *)", "2026-07-10T00:00:00Z", NewYork).ShouldBe(T("2026-07-10T13:00:00Z"));
    }

    [Fact]
    public void Day_of_week_is_taken_from_the_local_date()
    {
        // 2026-01-02T23:30Z is Friday in UTC but already Saturday 00:30 in Warsaw.
        Next("cron(30 0 ? * SAT *)", "2026-01-02T23:00:00Z", Warsaw).ShouldBe(T("2026-01-02T23:30:00Z"));
        Next("cron(30 0 ? * SAT *)", "2026-01-02T23:00:00Z").ShouldBe(T("2026-01-03T00:30:00Z"));
    }

    [Fact]
    public void Results_are_in_utc()
    {
        var fire = Next("cron(0 9 * * ? *)", "2026-01-10T00:00:00Z", Warsaw);

        fire.ShouldNotBeNull();
        fire.Value.Offset.ShouldBe(TimeSpan.Zero);
    }
}
