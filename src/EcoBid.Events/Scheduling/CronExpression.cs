using System.Diagnostics.CodeAnalysis;

namespace EcoBid.Events.Scheduling;

/// <summary>
/// A recurring schedule, <c>cron(minutes hours day-of-month month day-of-week year)</c>, evaluated on the
/// wall clock of the schedule's time zone. Minutes 0-59, hours 0-23, day-of-month 1-31, month 1-12 or JAN-DEC,
/// day-of-week 1-7 or SUN-SAT (1 = Sunday), year 1970-2199. Wildcards <c>, - * /</c> in every field;
/// <c>?</c> in exactly one of day-of-month and day-of-week; <c>L</c> and <c>W</c> in day-of-month;
/// <c>L</c> and <c>#</c> in day-of-week. Names are matched without regard to case.
/// Daylight saving follows <see cref="WallClock"/>: a time in a spring-forward gap is skipped, and a time
/// that occurs twice fires once, at its first occurrence.
/// </summary>
public sealed class CronExpression : ScheduleExpression
{
    private const string FieldList = "minutes hours day-of-month month day-of-week year";

    private readonly CronValueSet _minutes;
    private readonly CronValueSet _hours;
    private readonly CronDayRule _days;
    private readonly CronValueSet _months;
    private readonly CronValueSet _years;

    private CronExpression(
        string text, CronValueSet minutes, CronValueSet hours, CronDayRule days, CronValueSet months, CronValueSet years)
        : base(text)
    {
        _minutes = minutes;
        _hours = hours;
        _days = days;
        _months = months;
        _years = years;
    }

    public override DateTimeOffset? NextAfter(DateTimeOffset after, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var utc = after.UtcDateTime;
        if (utc.Year > CronField.Year.Max)
        {
            return null;
        }

        // Wall-clock order gives instant order (see WallClock), so no fire after `after` lies at an earlier wall time.
        var start = utc.Year < CronField.Year.Min
            ? new DateTime(CronField.Year.Min, 1, 1)
            : WallClock.ToWallTime(after, zone);
        foreach (var wallTime in WallTimesFrom(start))
        {
            if (WallClock.ToInstant(wallTime, zone) is { } fire && fire > after)
            {
                return fire;
            }
        }

        return null;
    }

    internal static bool TryCreate(
        string text, string body, [NotNullWhen(true)] out CronExpression? result, [NotNullWhen(false)] out string? error)
    {
        result = null;
        var fields = body.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 6)
        {
            error = Fault(text, $"expected 6 fields ({FieldList}) but found {fields.Length}");
            return false;
        }

        if (!CronListParser.TryParse(fields[0], CronField.Minutes, out var minutes, out var detail)
            || !CronListParser.TryParse(fields[1], CronField.Hours, out var hours, out detail)
            || !CronDayRuleParser.TryParseDayOfMonth(fields[2], out var dayOfMonth, out detail)
            || !CronListParser.TryParse(fields[3], CronField.Month, out var months, out detail)
            || !CronDayRuleParser.TryParseDayOfWeek(fields[4], out var dayOfWeek, out detail)
            || !CronListParser.TryParse(fields[5], CronField.Year, out var years, out detail))
        {
            error = Fault(text, detail);
            return false;
        }

        if (dayOfMonth is not null && dayOfWeek is not null)
        {
            error = Fault(text, "day-of-month and day-of-week cannot both be specified; one must be '?'");
            return false;
        }

        var days = dayOfMonth ?? dayOfWeek;
        if (days is null)
        {
            error = Fault(text, "day-of-month and day-of-week cannot both be '?'; one of them must be specified");
            return false;
        }

        error = null;
        result = new CronExpression(text, minutes, hours, days, months, years);
        return true;
    }

    private static string Fault(string text, string detail) => $"Invalid cron expression '{text}': {detail}";

    /// <summary>Every wall-clock minute the fields allow, in order, from the minute containing <paramref name="start"/>.</summary>
    private IEnumerable<DateTime> WallTimesFrom(DateTime start)
    {
        var startDay = DateOnly.FromDateTime(start);
        foreach (var year in _years.From(start.Year))
        {
            var firstMonth = year == start.Year ? start.Month : 1;
            foreach (var month in _months.From(firstMonth))
            {
                var firstDay = year == start.Year && month == start.Month ? start.Day : 1;
                for (var dayOfMonth = firstDay; dayOfMonth <= DateTime.DaysInMonth(year, month); dayOfMonth++)
                {
                    var day = new DateOnly(year, month, dayOfMonth);
                    if (!_days.Matches(day))
                    {
                        continue;
                    }

                    var isStartDay = day == startDay;
                    foreach (var hour in _hours.From(isStartDay ? start.Hour : 0))
                    {
                        var firstMinute = isStartDay && hour == start.Hour ? start.Minute : 0;
                        foreach (var minute in _minutes.From(firstMinute))
                        {
                            yield return new DateTime(year, month, dayOfMonth, hour, minute, 0, DateTimeKind.Unspecified);
                        }
                    }
                }
            }
        }
    }
}
