using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace EcoBid.Events.Scheduling;

/// <summary>
/// Parses the day-of-month and day-of-week fields, including their special forms:
/// day-of-month <c>L</c>, <c>LW</c> and <c>nW</c>; day-of-week <c>L</c>, <c>nL</c> and <c>d#n</c>.
/// A special form stands alone in its field. <c>?</c> parses to no rule.
/// </summary>
internal static class CronDayRuleParser
{
    public static bool TryParseDayOfMonth(string text, out CronDayRule? rule, [NotNullWhen(false)] out string? error)
    {
        rule = null;
        error = null;
        var field = CronField.DayOfMonth;
        var upper = text.ToUpperInvariant();
        if (upper == "?")
        {
            return true;
        }

        if (upper == "L")
        {
            rule = new LastDayOfMonthRule();
            return true;
        }

        if (upper == "LW")
        {
            rule = new LastWeekdayOfMonthRule();
            return true;
        }

        if (upper.Length > 1 && upper[^1] == 'W' && upper[..^1].All(char.IsAsciiDigit))
        {
            if (!CronListParser.TryParseValue(upper[..^1], field, out var day, out error))
            {
                return false;
            }

            rule = new NearestWeekdayRule(day);
            return true;
        }

        if (upper.IndexOfAny(['L', 'W']) >= 0)
        {
            error = $"'{text}' is not a valid day-of-month value; 'L' and 'W' stand alone, as in 'L', 'LW' or '15W'";
            return false;
        }

        if (!TryParseList(text, field, out var days, out error))
        {
            return false;
        }

        rule = new DaysOfMonthRule(days);
        return true;
    }

    public static bool TryParseDayOfWeek(string text, out CronDayRule? rule, [NotNullWhen(false)] out string? error)
    {
        rule = null;
        error = null;
        var field = CronField.DayOfWeek;
        var upper = text.ToUpperInvariant();
        if (upper == "?")
        {
            return true;
        }

        // "L" alone is the last day of the week: Saturday (7).
        if (upper == "L")
        {
            var saturday = new CronValueSet(field.Min, field.Max);
            saturday.Add(7);
            rule = new DaysOfWeekRule(saturday);
            return true;
        }

        var isSpecial = upper.Contains('#', StringComparison.Ordinal) || upper.EndsWith('L');
        if (isSpecial && upper.IndexOfAny([',', '-', '/', '*']) >= 0)
        {
            error = $"'{text}' is not a valid day-of-week value; 'L' and '#' stand alone, as in '5L' or '3#2'";
            return false;
        }

        if (upper.Contains('#', StringComparison.Ordinal))
        {
            return TryParseNth(text, out rule, out error);
        }

        if (upper.EndsWith('L'))
        {
            if (!CronListParser.TryParseValue(text[..^1], field, out var dayOfWeek, out error))
            {
                return false;
            }

            rule = new LastDayOfWeekInMonthRule(dayOfWeek);
            return true;
        }

        if (!TryParseList(text, field, out var days, out error))
        {
            return false;
        }

        rule = new DaysOfWeekRule(days);
        return true;
    }

    private static bool TryParseNth(string text, out CronDayRule? rule, [NotNullWhen(false)] out string? error)
    {
        rule = null;
        var parts = text.Split('#');
        if (parts.Length != 2)
        {
            error = $"'{text}' is not a valid day-of-week value; use one '#', as in '3#2'";
            return false;
        }

        if (!CronListParser.TryParseValue(parts[0], CronField.DayOfWeek, out var dayOfWeek, out error))
        {
            return false;
        }

        if (parts[1].Length != 1 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var occurrence)
            || occurrence < 1 || occurrence > 5)
        {
            error = $"occurrence '{parts[1]}' in '{text}' must be from 1 to 5";
            return false;
        }

        rule = new NthDayOfWeekInMonthRule(dayOfWeek, occurrence);
        return true;
    }

    private static bool TryParseList(
        string text, CronField field, [NotNullWhen(true)] out CronValueSet? set, [NotNullWhen(false)] out string? error)
    {
        if (text.Contains('?', StringComparison.Ordinal))
        {
            set = null;
            error = $"'?' in {field.Name} must stand alone";
            return false;
        }

        return CronListParser.TryParse(text, field, out set, out error);
    }
}
