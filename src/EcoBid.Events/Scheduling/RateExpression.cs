using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace EcoBid.Events.Scheduling;

/// <summary>
/// A recurring schedule at a fixed interval, <c>rate(value unit)</c>.
/// </summary>
/// <remarks>
/// Anchoring: fire times are <c>anchor + k × interval</c>. <see cref="ScheduleTimeline"/> anchors at the schedule's
/// start date when it has one (the start date itself is the first fire), otherwise at the <c>from</c> instant it
/// is given, which callers pass as the schedule's creation time or last fire time (the first fire is then one
/// interval later). <see cref="NextAfter(DateTimeOffset, TimeZoneInfo)"/> anchors at <c>after</c> itself, so it
/// returns <c>after + interval</c>. Rates count elapsed time: time zones and daylight saving do not affect them.
/// </remarks>
public sealed class RateExpression : ScheduleExpression
{
    /// <summary>Largest value accepted, whatever the unit.</summary>
    public const int MaxValue = 1_000_000;

    private RateExpression(string text, int value, RateUnit unit)
        : base(text)
    {
        Value = value;
        Unit = unit;
        Interval = unit switch
        {
            RateUnit.Minute => TimeSpan.FromMinutes(value),
            RateUnit.Hour => TimeSpan.FromHours(value),
            _ => TimeSpan.FromDays(value),
        };
    }

    public int Value { get; }

    public RateUnit Unit { get; }

    /// <summary>The elapsed time between two fires.</summary>
    public TimeSpan Interval { get; }

    /// <summary>Returns <c>after + interval</c>: the rate is anchored at <paramref name="after"/>; the zone is ignored.</summary>
    public override DateTimeOffset? NextAfter(DateTimeOffset after, TimeZoneInfo zone) => NextAfter(after, anchor: after);

    /// <summary>The first of <c>anchor + k × interval</c> (k ≥ 0) strictly after <paramref name="after"/>.</summary>
    public DateTimeOffset? NextAfter(DateTimeOffset after, DateTimeOffset anchor)
    {
        if (anchor > after)
        {
            return anchor.ToUniversalTime();
        }

        var periods = ((after.UtcTicks - anchor.UtcTicks) / Interval.Ticks) + 1;
        var room = DateTimeOffset.MaxValue.UtcTicks - anchor.UtcTicks;
        return periods > room / Interval.Ticks
            ? null
            : new DateTimeOffset(anchor.UtcTicks + (periods * Interval.Ticks), TimeSpan.Zero);
    }

    internal override DateTimeOffset? NextAfter(DateTimeOffset after, TimeZoneInfo zone, DateTimeOffset anchor) =>
        NextAfter(after, anchor);

    internal override DateTimeOffset LatestAtOrBefore(
        DateTimeOffset origin, DateTimeOffset firstAfterOrigin, DateTimeOffset limit, TimeZoneInfo zone)
    {
        var periods = (limit.UtcTicks - origin.UtcTicks) / Interval.Ticks;
        return new DateTimeOffset(origin.UtcTicks + (periods * Interval.Ticks), TimeSpan.Zero);
    }

    internal static bool TryCreate(
        string text, string body, [NotNullWhen(true)] out RateExpression? result, [NotNullWhen(false)] out string? error)
    {
        result = null;
        var parts = body.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2)
        {
            error = Fault(text, "expected 'rate(value unit)', for example 'rate(5 minutes)'");
            return false;
        }

        var (valueText, unitText) = (parts[0], parts[1]);
        var digits = valueText.TrimStart('0');
        if (!valueText.All(char.IsAsciiDigit) || digits.Length == 0)
        {
            error = Fault(text, "rate value must be a positive integer");
            return false;
        }

        if (digits.Length > 7 || int.Parse(digits, CultureInfo.InvariantCulture) > MaxValue)
        {
            error = Fault(text, $"rate value must be at most {MaxValue}");
            return false;
        }

        var value = int.Parse(digits, CultureInfo.InvariantCulture);
        if (!TryParseUnit(unitText, out var unit, out var plural))
        {
            error = Fault(text, $"unknown rate unit '{unitText}'; expected minute, minutes, hour, hours, day or days");
            return false;
        }

        var singular = SingularName(unit);
        if (value == 1 && plural)
        {
            error = Fault(text, $"unit '{unitText}' requires a value greater than 1 ('rate(1 {singular})')");
            return false;
        }

        if (value > 1 && !plural)
        {
            error = Fault(text, $"unit '{unitText}' requires the value 1 ('rate({value} {singular}s)')");
            return false;
        }

        error = null;
        result = new RateExpression(text, value, unit);
        return true;
    }

    private static bool TryParseUnit(string unitText, out RateUnit unit, out bool plural)
    {
        plural = unitText.EndsWith('s');
        var name = plural ? unitText[..^1] : unitText;
        (var known, unit) = name switch
        {
            "minute" => (true, RateUnit.Minute),
            "hour" => (true, RateUnit.Hour),
            "day" => (true, RateUnit.Day),
            _ => (false, RateUnit.Minute),
        };
        return known;
    }

    private static string SingularName(RateUnit unit) => unit switch
    {
        RateUnit.Minute => "minute",
        RateUnit.Hour => "hour",
        _ => "day",
    };

    private static string Fault(string text, string detail) => $"Invalid rate expression '{text}': {detail}";
}
