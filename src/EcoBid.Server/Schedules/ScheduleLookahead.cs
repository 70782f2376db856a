using System.Globalization;
using EcoBid.Events.Scheduling;

namespace EcoBid.Server.Schedules;

/// <summary>The look-ahead behind <c>POST /schedules/test-expression</c> and <c>ecobid schedules next</c>.</summary>
public static class ScheduleLookahead
{
    public const int MaxCount = 100;

    public static LookaheadOutcome Next(string? expression, string? timezone, string? from, int? count, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        if (string.IsNullOrWhiteSpace(expression))
        {
            return LookaheadOutcome.Invalid("expression", "The expression is required: at(...), rate(...) or cron(...).");
        }

        if (!ScheduleExpression.TryParse(expression, out var parsed, out var error))
        {
            return LookaheadOutcome.Invalid("expression", error);
        }

        TimeZoneInfo zone;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(string.IsNullOrWhiteSpace(timezone) ? "UTC" : timezone);
        }
        catch (TimeZoneNotFoundException)
        {
            return LookaheadOutcome.Invalid("timezone", $"Unknown time zone '{timezone}'; use an IANA name such as Europe/Warsaw.");
        }
        catch (InvalidTimeZoneException)
        {
            return LookaheadOutcome.Invalid("timezone", $"The time zone '{timezone}' could not be read.");
        }

        var start = clock.GetUtcNow();
        if (!string.IsNullOrWhiteSpace(from) && !DateTimeOffset.TryParse(from, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out start))
        {
            return LookaheadOutcome.Invalid("from", $"'{from}' is not an ISO-8601 instant, such as 2026-03-29T00:00:00Z.");
        }

        var take = count ?? 5;
        if (take is < 1 or > MaxCount)
        {
            return LookaheadOutcome.Invalid("count", $"The count must be between 1 and {MaxCount}.");
        }

        return new LookaheadOutcome([.. ScheduleTimeline.Next(parsed, zone, start, take).Select(t => t.ToUniversalTime())], null, null);
    }
}

public sealed record LookaheadOutcome(IReadOnlyList<DateTimeOffset> FireTimes, string? Field, string? Error)
{
    public static LookaheadOutcome Invalid(string field, string error) => new([], field, error);
}
