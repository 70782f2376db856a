using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace EcoBid.Events.Scheduling;

/// <summary>
/// A one-time schedule, <c>at(yyyy-mm-ddThh:mm:ss)</c>: a wall-clock time in the schedule's time zone.
/// A time that falls in a spring-forward gap does not exist and never fires; a time that occurs twice
/// fires once, at its first occurrence (see <see cref="WallClock"/>).
/// </summary>
public sealed class AtExpression : ScheduleExpression
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss";

    private AtExpression(string text, DateTime localTime)
        : base(text) => LocalTime = localTime;

    /// <summary>The wall-clock time of the single fire, in the schedule's zone (kind unspecified).</summary>
    public DateTime LocalTime { get; }

    public override DateTimeOffset? NextAfter(DateTimeOffset after, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return WallClock.ToInstant(LocalTime, zone) is { } fire && fire > after ? fire : null;
    }

    internal static bool TryCreate(
        string text, string body, [NotNullWhen(true)] out AtExpression? result, [NotNullWhen(false)] out string? error)
    {
        result = null;
        if (!DateTime.TryParseExact(body, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            error = $"Invalid at expression '{text}': '{body}' is not a valid date and time; expected yyyy-mm-ddThh:mm:ss";
            return false;
        }

        error = null;
        result = new AtExpression(text, DateTime.SpecifyKind(local, DateTimeKind.Unspecified));
        return true;
    }
}
