using static EcoBid.Events.Tests.Scheduling.ScheduleTestKit;

namespace EcoBid.Events.Tests.Scheduling;

public class CronSpecialDaysTests
{
    [Theory]
    [InlineData("2026-01-01T00:00:00Z", "2026-01-31T00:00:00Z")]
    [InlineData("2026-01-31T00:00:00Z", "2026-02-28T00:00:00Z")]
    [InlineData("2028-02-01T00:00:00Z", "2028-02-29T00:00:00Z")]
    [InlineData("2028-02-29T00:00:00Z", "2028-03-31T00:00:00Z")]
    [InlineData("2026-04-01T00:00:00Z", "2026-04-30T00:00:00Z")]
    [InlineData("2100-02-01T00:00:00Z", "2100-02-28T00:00:00Z")]
    public void L_in_day_of_month_is_the_last_day(string after, string expected) =>
        Next("cron(0 0 L * ? *)", after).ShouldBe(T(expected));

    [Fact]
    public void L_in_february_only()
    {
        Take("cron(0 12 L 2 ? *)", "2026-01-01T00:00:00Z", 3)
            .ShouldBe(Series("2026-02-28T12:00:00Z", "2027-02-28T12:00:00Z", "2028-02-29T12:00:00Z"));
    }

    [Theory]
    [InlineData("2026-01-01T00:00:00Z", "2026-01-30T00:00:00Z")] // 31 Jan 2026 is a Saturday
    [InlineData("2026-02-01T00:00:00Z", "2026-02-27T00:00:00Z")] // 28 Feb 2026 is a Saturday
    [InlineData("2026-05-01T00:00:00Z", "2026-05-29T00:00:00Z")] // 31 May 2026 is a Sunday
    [InlineData("2026-03-01T00:00:00Z", "2026-03-31T00:00:00Z")] // 31 Mar 2026 is a Tuesday
    [InlineData("2026-08-01T00:00:00Z", "2026-08-31T00:00:00Z")] // 31 Aug 2026 is a Monday
    public void LW_is_the_last_weekday_of_the_month(string after, string expected) =>
        Next("cron(0 0 LW * ? *)", after).ShouldBe(T(expected));

    [Theory]
    [InlineData("cron(0 0 1W * ? *)", "2026-07-31T00:00:00Z", "2026-08-03T00:00:00Z")] // 1 Aug Saturday → Monday 3rd
    [InlineData("cron(0 0 1W * ? *)", "2026-02-01T00:00:00Z", "2026-02-02T00:00:00Z")] // 1 Feb 2026 is a Sunday → Monday 2nd
    [InlineData("cron(0 0 1W * ? *)", "2026-03-31T00:00:00Z", "2026-04-01T00:00:00Z")] // 1 Apr Wednesday
    [InlineData("cron(0 0 31W * ? *)", "2026-05-01T00:00:00Z", "2026-05-29T00:00:00Z")] // 31 May Sunday → Friday 29th
    [InlineData("cron(0 0 31W * ? *)", "2026-01-01T00:00:00Z", "2026-01-30T00:00:00Z")] // 31 Jan Saturday → Friday 30th
    [InlineData("cron(0 0 31W * ? *)", "2026-03-31T00:00:00Z", "2026-05-29T00:00:00Z")] // no 31 April
    [InlineData("cron(0 0 15W * ? *)", "2026-08-01T00:00:00Z", "2026-08-14T00:00:00Z")] // 15 Aug Saturday → Friday
    [InlineData("cron(0 0 16W * ? *)", "2026-08-01T00:00:00Z", "2026-08-17T00:00:00Z")] // 16 Aug Sunday → Monday
    [InlineData("cron(0 0 3W * ? *)", "2026-06-01T00:00:00Z", "2026-06-03T00:00:00Z")] // 3 Jun Wednesday
    [InlineData("cron(0 0 30W * ? *)", "2026-01-31T00:00:00Z", "2026-03-30T00:00:00Z")] // no 30 February
    [InlineData("cron(0 0 28W 2 ? *)", "2026-01-01T00:00:00Z", "2026-02-27T00:00:00Z")] // 28 Feb Saturday → Friday
    public void W_is_the_nearest_weekday_within_the_month(string expression, string after, string expected) =>
        Next(expression, after).ShouldBe(T(expected));

    [Theory]
    [InlineData("cron(0 0 ? * 3#2 *)", "2026-01-01T00:00:00Z", "2026-01-13T00:00:00Z")] // second Tuesday
    [InlineData("cron(0 0 ? * TUE#2 *)", "2026-01-13T00:00:00Z", "2026-02-10T00:00:00Z")]
    [InlineData("cron(0 0 ? * 1#1 *)", "2026-01-01T00:00:00Z", "2026-01-04T00:00:00Z")] // first Sunday
    [InlineData("cron(0 0 ? * 7#5 *)", "2026-01-01T00:00:00Z", "2026-01-31T00:00:00Z")] // fifth Saturday
    public void Hash_is_the_nth_day_of_week(string expression, string after, string expected) =>
        Next(expression, after).ShouldBe(T(expected));

    [Fact]
    public void Fifth_occurrence_skips_months_without_one()
    {
        // Fifth Mondays in 2026: 30 March, 29 June, 31 August, 30 November.
        Take("cron(0 12 ? * 2#5 *)", "2026-01-01T00:00:00Z", 4).ShouldBe(Series(
            "2026-03-30T12:00:00Z", "2026-06-29T12:00:00Z", "2026-08-31T12:00:00Z", "2026-11-30T12:00:00Z"));
    }

    [Theory]
    [InlineData("cron(0 0 ? * 5L *)", "2026-02-01T00:00:00Z", "2026-02-26T00:00:00Z")] // last Thursday
    [InlineData("cron(0 0 ? * THUL *)", "2026-02-26T00:00:00Z", "2026-03-26T00:00:00Z")]
    [InlineData("cron(0 0 ? * 6L *)", "2026-01-01T00:00:00Z", "2026-01-30T00:00:00Z")] // last Friday
    [InlineData("cron(0 0 ? * 2L *)", "2026-08-01T00:00:00Z", "2026-08-31T00:00:00Z")] // last Monday on the 31st
    [InlineData("cron(0 0 ? * 1L *)", "2026-02-01T00:00:00Z", "2026-02-22T00:00:00Z")] // last Sunday
    public void Day_of_week_L_suffix_is_the_last_such_day(string expression, string after, string expected) =>
        Next(expression, after).ShouldBe(T(expected));

    [Fact]
    public void L_alone_in_day_of_week_is_saturday_the_last_day_of_the_week()
    {
        Take("cron(0 0 ? * L *)", "2026-01-01T00:00:00Z", 2).ShouldBe(Series("2026-01-03T00:00:00Z", "2026-01-10T00:00:00Z"));
    }
}
