using EcoBid.Events.Scheduling;

namespace EcoBid.Events.Tests.Scheduling;

public class ParsingTests
{
    [Theory]
    [InlineData("at(2026-05-01T10:00:00)", typeof(AtExpression))]
    [InlineData("rate(5 minutes)", typeof(RateExpression))]
    [InlineData("cron(0 10 * * ? *)", typeof(CronExpression))]
    [InlineData("  cron(0 10 * * ? *)  ", typeof(CronExpression))]
    public void Parse_picks_the_expression_type(string text, Type expected)
    {
        var expression = ScheduleExpression.Parse(text);

        expression.ShouldBeOfType(expected);
        expression.Text.ShouldBe(text.Trim());
        expression.ToString().ShouldBe(text.Trim());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("every 5 minutes")]
    [InlineData("cron 0 10 * * ? *")]
    [InlineData("CRON(0 10 * * ? *)")]
    [InlineData("rate(5 minutes")]
    public void Unknown_shapes_are_rejected(string text)
    {
        ScheduleExpression.TryParse(text, out var result, out var error).ShouldBeFalse();
        result.ShouldBeNull();
        error.ShouldNotBeNull();
        error.ShouldContain("expected at(...), rate(...) or cron(...)");
    }

    [Fact]
    public void Parse_throws_with_the_same_message_TryParse_reports()
    {
        const string text = "cron(0 2 * * * *)";
        ScheduleExpression.TryParse(text, out _, out var error).ShouldBeFalse();

        var thrown = Should.Throw<InvalidScheduleExpressionException>(() => ScheduleExpression.Parse(text));

        thrown.Message.ShouldBe(error);
    }

    [Fact]
    public void Both_day_fields_specified_is_rejected_with_the_rule()
    {
        var thrown = Should.Throw<InvalidScheduleExpressionException>(() => ScheduleExpression.Parse("cron(0 2 * * * *)"));

        thrown.Message.ShouldBe(
            "Invalid cron expression 'cron(0 2 * * * *)': day-of-month and day-of-week cannot both be specified; one must be '?'");
    }

    [Theory]
    [InlineData("cron(0 2 ? * ? *)", "day-of-month and day-of-week cannot both be '?'")]
    [InlineData("cron(0 10 * * ?)", "expected 6 fields (minutes hours day-of-month month day-of-week year) but found 5")]
    [InlineData("cron(0 0 10 * * ? *)", "expected 6 fields (minutes hours day-of-month month day-of-week year) but found 7")]
    [InlineData("cron(60 * * * ? *)", "minutes value 60 is out of range 0-59")]
    [InlineData("cron(0 24 * * ? *)", "hours value 24 is out of range 0-23")]
    [InlineData("cron(0 0 32 * ? *)", "day-of-month value 32 is out of range 1-31")]
    [InlineData("cron(0 0 0 * ? *)", "day-of-month value 0 is out of range 1-31")]
    [InlineData("cron(0 0 1 13 ? *)", "month value 13 is out of range 1-12")]
    [InlineData("cron(0 0 ? * 8 *)", "day-of-week value 8 is out of range 1-7")]
    [InlineData("cron(0 0 ? * 0 *)", "day-of-week value 0 is out of range 1-7")]
    [InlineData("cron(0 0 1 1 ? 1969)", "year value 1969 is out of range 1970-2199")]
    [InlineData("cron(0 0 1 1 ? 2200)", "year value 2200 is out of range 1970-2199")]
    [InlineData("cron(0 0 1 FOO ? *)", "unknown month name 'FOO'")]
    [InlineData("cron(0 0 ? * FUN *)", "unknown day-of-week name 'FUN'")]
    [InlineData("cron(0 0 1 JAN-FOO ? *)", "unknown month name 'FOO'")]
    [InlineData("cron(? 0 1 * ? *)", "'?' is only allowed in day-of-month or day-of-week")]
    [InlineData("cron(0 L * * ? *)", "'L' is only allowed in day-of-month or day-of-week")]
    [InlineData("cron(0 0 1#2 * ? *)", "'#' is only allowed in day-of-week")]
    [InlineData("cron(0 0 ? * 3W *)", "'W' is only allowed in day-of-month")]
    [InlineData("cron(0 0 1W,15 * ? *)", "'L' and 'W' stand alone")]
    [InlineData("cron(0 0 L-2 * ? *)", "'L' and 'W' stand alone")]
    [InlineData("cron(0 0 ? * 2#1,3#1 *)", "'L' and '#' stand alone")]
    [InlineData("cron(0 0 ? * 3#6 *)", "occurrence '6' in '3#6' must be from 1 to 5")]
    [InlineData("cron(0 0 ? * 3#0 *)", "occurrence '0' in '3#0' must be from 1 to 5")]
    [InlineData("cron(0 0 ? * 9#1 *)", "day-of-week value 9 is out of range 1-7")]
    [InlineData("cron(0 0 ? * 8L *)", "day-of-week value 8 is out of range 1-7")]
    [InlineData("cron(0 0 32W * ? *)", "day-of-month value 32 is out of range 1-31")]
    [InlineData("cron(0/0 * * * ? *)", "step '0' in '0/0' must be a whole number from 1 to 60 for minutes")]
    [InlineData("cron(0/61 * * * ? *)", "step '61' in '0/61' must be a whole number from 1 to 60 for minutes")]
    [InlineData("cron(0/x * * * ? *)", "step 'x' in '0/x'")]
    [InlineData("cron(0 0 10-5 * ? *)", "range '10-5' in day-of-month must run from the lower to the higher value")]
    [InlineData("cron(0 0 1 1 ? 2030-2027)", "range '2030-2027' in year must run from the lower to the higher value")]
    [InlineData("cron(0 0 1,,2 * ? *)", "day-of-month has an empty list item")]
    [InlineData("cron(0 0 1-2-3 * ? *)", "'1-2-3' in day-of-month is not a valid range")]
    [InlineData("cron(-5 0 1 * ? *)", "'-5' in minutes is not a valid range")]
    [InlineData("cron(0 0 1,? * ? *)", "'?' in day-of-month must stand alone")]
    [InlineData("cron(x 0 1 * ? *)", "'x' is not a valid minutes value")]
    public void Invalid_cron_expressions_name_the_fault_and_field(string text, string detail)
    {
        ScheduleExpression.TryParse(text, out var result, out var error).ShouldBeFalse();

        result.ShouldBeNull();
        error.ShouldNotBeNull();
        error.ShouldStartWith($"Invalid cron expression '{text}': ");
        error.ShouldContain(detail);
    }

    [Theory]
    [InlineData("cron(0 9 ? jan mon-fri *)")]
    [InlineData("cron(0 9 ? Jan Mon-Fri *)")]
    [InlineData("cron(0 9 ? JAN MON-FRI *)")]
    [InlineData("cron(0 9 lw * ? *)")]
    [InlineData("cron(0 9 ? * thul *)")]
    [InlineData("cron(0 9 ? * mon#2 *)")]
    public void Names_and_letters_are_case_insensitive(string text) =>
        ScheduleExpression.TryParse(text, out _, out var error).ShouldBeTrue(error);

    [Theory]
    [InlineData("at(2026-02-30T10:00:00)")]
    [InlineData("at(2026-05-01 10:00:00)")]
    [InlineData("at(2026-05-01T10:00)")]
    [InlineData("at(2026-05-01T24:00:00)")]
    [InlineData("at(tomorrow)")]
    [InlineData("at()")]
    public void Invalid_at_expressions_are_rejected(string text)
    {
        ScheduleExpression.TryParse(text, out _, out var error).ShouldBeFalse();

        error.ShouldNotBeNull();
        error.ShouldStartWith($"Invalid at expression '{text}': ");
        error.ShouldContain("expected yyyy-mm-ddThh:mm:ss");
    }

    [Fact]
    public void Parse_rejects_null()
    {
        Should.Throw<ArgumentNullException>(() => ScheduleExpression.Parse(null!));
        ScheduleExpression.TryParse(null!, out _, out var error).ShouldBeFalse();
        error.ShouldNotBeNull();
    }
}
