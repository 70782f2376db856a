using System.Diagnostics.CodeAnalysis;

namespace EcoBid.Events.Scheduling;

/// <summary>
/// An EventBridge Scheduler schedule expression: <c>at(yyyy-mm-ddThh:mm:ss)</c>, <c>rate(value unit)</c>
/// or <c>cron(minutes hours day-of-month month day-of-week year)</c>.
/// All instants returned are in UTC (offset zero).
/// </summary>
public abstract class ScheduleExpression
{
    private protected ScheduleExpression(string text) => Text = text;

    /// <summary>The expression as written (surrounding whitespace removed).</summary>
    public string Text { get; }

    /// <summary>Parses an expression, throwing <see cref="InvalidScheduleExpressionException"/> naming the fault.</summary>
    public static ScheduleExpression Parse(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        return TryParse(expression, out var result, out var error)
            ? result
            : throw new InvalidScheduleExpressionException(error);
    }

    /// <summary>Parses an expression; on failure <paramref name="error"/> names the fault and the field.</summary>
    public static bool TryParse(
        string expression,
        [NotNullWhen(true)] out ScheduleExpression? result,
        [NotNullWhen(false)] out string? error)
    {
        result = null;
        if (string.IsNullOrWhiteSpace(expression))
        {
            error = "Schedule expression is empty; expected at(...), rate(...) or cron(...)";
            return false;
        }

        var text = expression.Trim();
        if (TryUnwrap(text, "at", out var body))
        {
            var ok = AtExpression.TryCreate(text, body, out var at, out error);
            result = at;
            return ok;
        }

        if (TryUnwrap(text, "rate", out body))
        {
            var ok = RateExpression.TryCreate(text, body, out var rate, out error);
            result = rate;
            return ok;
        }

        if (TryUnwrap(text, "cron", out body))
        {
            var ok = CronExpression.TryCreate(text, body, out var cron, out error);
            result = cron;
            return ok;
        }

        error = $"Invalid schedule expression '{text}': expected at(...), rate(...) or cron(...)";
        return false;
    }

    /// <summary>
    /// The next fire time strictly after <paramref name="after"/>, evaluating wall-clock fields in
    /// <paramref name="zone"/>; <c>null</c> when the schedule has no further fire time.
    /// </summary>
    public abstract DateTimeOffset? NextAfter(DateTimeOffset after, TimeZoneInfo zone);

    public override string ToString() => Text;

    /// <summary>
    /// The next fire time strictly after <paramref name="after"/> for a schedule whose recurrence is anchored at
    /// <paramref name="anchor"/>. Only rate expressions use the anchor.
    /// </summary>
    internal virtual DateTimeOffset? NextAfter(DateTimeOffset after, TimeZoneInfo zone, DateTimeOffset anchor) =>
        NextAfter(after, zone);

    /// <summary>
    /// The latest fire time at or before <paramref name="limit"/>, given that the first fire time after
    /// <paramref name="origin"/> is <paramref name="firstAfterOrigin"/> (itself at or before the limit).
    /// Fire times are increasing in the cursor, so a bisection over the cursor finds it in about
    /// sixty evaluations whatever the length of the interval.
    /// </summary>
    internal virtual DateTimeOffset LatestAtOrBefore(
        DateTimeOffset origin, DateTimeOffset firstAfterOrigin, DateTimeOffset limit, TimeZoneInfo zone)
    {
        var low = origin.UtcTicks;
        var high = limit.UtcTicks;
        var best = firstAfterOrigin;
        while (high - low > 1)
        {
            var middle = low + ((high - low) / 2);
            var next = NextAfter(new DateTimeOffset(middle, TimeSpan.Zero), zone, origin);
            if (next is { } fire && fire <= limit)
            {
                low = middle;
                best = fire;
            }
            else
            {
                high = middle;
            }
        }

        return best;
    }

    private static bool TryUnwrap(string text, string keyword, out string body)
    {
        body = string.Empty;
        if (text.Length < keyword.Length + 2
            || !text.StartsWith(keyword, StringComparison.Ordinal)
            || text[keyword.Length] != '('
            || text[^1] != ')')
        {
            return false;
        }

        body = text[(keyword.Length + 1)..^1];
        return true;
    }
}
