namespace EcoBid.Events.Scheduling;

/// <summary>
/// Fire times of a schedule within its start and end dates (start inclusive, end exclusive, as
/// <see cref="ScheduleWindow"/>), and the catch-up fire after an outage.
/// </summary>
/// <remarks>
/// Rate expressions are anchored at the start date when there is one (the start date is the first fire),
/// otherwise at <c>from</c> / <c>lastFired</c>, which callers pass as the creation time or the last fire time;
/// see <see cref="RateExpression"/>.
/// </remarks>
public static class ScheduleTimeline
{
    /// <summary>
    /// The next <paramref name="count"/> fire times (UTC) strictly after <paramref name="from"/>, honouring the
    /// start and end dates; fewer when the schedule runs out.
    /// </summary>
    public static IReadOnlyList<DateTimeOffset> Next(
        ScheduleExpression expr,
        TimeZoneInfo zone,
        DateTimeOffset from,
        int count,
        DateTimeOffset? startDate = null,
        DateTimeOffset? endDate = null)
    {
        ArgumentNullException.ThrowIfNull(expr);
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentOutOfRangeException.ThrowIfNegative(count);

        var window = new ScheduleWindow(startDate, endDate);
        var anchor = startDate ?? from;
        var fires = new List<DateTimeOffset>(Math.Min(count, 256));

        // Fires before the start date are not wanted: search from just before it.
        var cursor = startDate is { } start && start > from && start.UtcTicks > DateTimeOffset.MinValue.UtcTicks
            ? start.AddTicks(-1)
            : from;
        while (fires.Count < count
            && expr.NextAfter(cursor, zone, anchor) is { } fire
            && !window.HasEndedBy(fire))
        {
            fires.Add(fire);
            cursor = fire;
        }

        return fires;
    }

    /// <summary>
    /// After an outage: the single catch-up fire owed when at least one fire time fell after
    /// <paramref name="lastFired"/> (the last fire, or the creation time) and at or before <paramref name="now"/>,
    /// else <c>null</c>. However many fire times were missed, the schedule fires once; the time returned is the
    /// latest missed fire time, so recording it as the last fire keeps the schedule on its cadence.
    /// Fire times at or after <paramref name="endDate"/> are not owed.
    /// </summary>
    public static DateTimeOffset? MissedSince(
        ScheduleExpression expr,
        TimeZoneInfo zone,
        DateTimeOffset lastFired,
        DateTimeOffset now,
        DateTimeOffset? endDate = null)
    {
        ArgumentNullException.ThrowIfNull(expr);
        ArgumentNullException.ThrowIfNull(zone);

        var limit = endDate is { } end && end <= now ? end.AddTicks(-1) : now;
        if (limit <= lastFired
            || expr.NextAfter(lastFired, zone, lastFired) is not { } first
            || first > limit)
        {
            return null;
        }

        return expr.LatestAtOrBefore(lastFired, first, limit, zone);
    }
}
