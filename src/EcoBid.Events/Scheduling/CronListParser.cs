using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace EcoBid.Events.Scheduling;

/// <summary>
/// Parses the list syntax shared by all cron fields: comma-separated items, each <c>*</c>, a value, or a range
/// <c>a-b</c>, optionally followed by a step <c>/n</c> (<c>0/15</c>, <c>*/5</c>, <c>8-17/2</c>).
/// Error messages name the field and the faulty part.
/// </summary>
internal static class CronListParser
{
    public static bool TryParse(
        string text, CronField field, [NotNullWhen(true)] out CronValueSet? set, [NotNullWhen(false)] out string? error)
    {
        set = null;
        var values = new CronValueSet(field.Min, field.Max);
        foreach (var item in text.Split(','))
        {
            if (!TryAddItem(item, field, values, out error))
            {
                return false;
            }
        }

        error = null;
        set = values;
        return true;
    }

    /// <summary>Parses one value: a number in the field's range, or one of its names.</summary>
    public static bool TryParseValue(string token, CronField field, out int value, [NotNullWhen(false)] out string? error)
    {
        value = 0;
        if (token.Length > 0 && token.All(char.IsAsciiDigit))
        {
            if (token.Length > 9 || !int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out value)
                || value < field.Min || value > field.Max)
            {
                error = $"{field.Name} value {token} is out of range {field.Min}-{field.Max}";
                return false;
            }

            error = null;
            return true;
        }

        if (field.Names.Count > 0 && token.Length > 0 && token.All(char.IsAsciiLetter))
        {
            for (var index = 0; index < field.Names.Count; index++)
            {
                if (string.Equals(field.Names[index], token, StringComparison.OrdinalIgnoreCase))
                {
                    value = field.Min + index;
                    error = null;
                    return true;
                }
            }

            error = $"unknown {field.Name} name '{token}'";
            return false;
        }

        error = token.Length == 0
            ? $"{field.Name} has an empty value"
            : $"'{token}' is not a valid {field.Name} value{SpecialCharacterHint(token)}";
        return false;
    }

    private static bool TryAddItem(string item, CronField field, CronValueSet values, [NotNullWhen(false)] out string? error)
    {
        if (item.Length == 0)
        {
            error = $"{field.Name} has an empty list item";
            return false;
        }

        var slash = item.Split('/');
        if (slash.Length > 2)
        {
            error = $"'{item}' in {field.Name} has more than one step";
            return false;
        }

        var step = 1;
        if (slash.Length == 2 && !TryParseStep(slash[1], item, field, out step, out error))
        {
            return false;
        }

        int first;
        int last;
        var range = slash[0];
        if (range == "*")
        {
            (first, last) = (field.Min, field.Max);
        }
        else if (range.Contains('-', StringComparison.Ordinal))
        {
            var bounds = range.Split('-');
            if (bounds.Length != 2 || bounds[0].Length == 0 || bounds[1].Length == 0)
            {
                error = $"'{item}' in {field.Name} is not a valid range";
                return false;
            }

            if (!TryParseValue(bounds[0], field, out first, out error)
                || !TryParseValue(bounds[1], field, out last, out error))
            {
                return false;
            }

            if (first > last && !field.Wraps)
            {
                error = $"range '{range}' in {field.Name} must run from the lower to the higher value";
                return false;
            }
        }
        else
        {
            if (!TryParseValue(range, field, out first, out error))
            {
                return false;
            }

            // "a/n" starts at a and steps to the end of the field; a bare value is just itself.
            last = slash.Length == 2 ? field.Max : first;
        }

        // A range that wraps (last < first) continues from the field's minimum, as in FRI-MON.
        var count = ((last - first + field.Span) % field.Span) + 1;
        for (var offset = 0; offset < count; offset += step)
        {
            values.Add(field.Min + ((first - field.Min + offset) % field.Span));
        }

        error = null;
        return true;
    }

    private static bool TryParseStep(
        string text, string item, CronField field, out int step, [NotNullWhen(false)] out string? error)
    {
        step = 0;
        if (text.Length == 0 || text.Length > 9 || !text.All(char.IsAsciiDigit)
            || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out step)
            || step < 1 || step > field.Span)
        {
            error = $"step '{text}' in '{item}' must be a whole number from 1 to {field.Span} for {field.Name}";
            return false;
        }

        error = null;
        return true;
    }

    private static string SpecialCharacterHint(string token)
    {
        var upper = token.ToUpperInvariant();
        return upper.Contains('?', StringComparison.Ordinal) ? "; '?' is only allowed in day-of-month or day-of-week"
            : upper.Contains('#', StringComparison.Ordinal) ? "; '#' is only allowed in day-of-week, as in '3#2'"
            : upper.Contains('W', StringComparison.Ordinal) ? "; 'W' is only allowed in day-of-month, as in '15W' or 'LW'"
            : upper.Contains('L', StringComparison.Ordinal) ? "; 'L' is only allowed in day-of-month or day-of-week"
            : string.Empty;
    }
}
