namespace EcoBid.Events.Scheduling;

/// <summary>
/// Turns a wall-clock time in a schedule's time zone into an instant, following EventBridge Scheduler's
/// daylight saving rules ("Schedule types on EventBridge Scheduler", Daylight saving time):
/// "When time shifts forward in the Spring, if a cron expression falls on a non-existent date and time,
/// your schedule invocation is skipped. When time shifts backwards in the Fall, your schedule runs only
/// once and does not repeat its invocation."
/// </summary>
/// <remarks>
/// Rule implemented, for cron and at() alike:
/// a wall-clock time inside a spring-forward gap does not exist and yields no instant (the fire is skipped);
/// a wall-clock time inside a fall-back overlap maps to its first occurrence only (the earlier instant, under
/// the offset in force before the shift), so the repeated hour never fires a second time.
/// With this mapping, later wall-clock times always give later-or-equal instants.
/// </remarks>
internal static class WallClock
{
    public static DateTimeOffset? ToInstant(DateTime wallTime, TimeZoneInfo zone)
    {
        var local = DateTime.SpecifyKind(wallTime, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            return null;
        }

        var offset = zone.IsAmbiguousTime(local)
            ? zone.GetAmbiguousTimeOffsets(local).Max()
            : zone.GetUtcOffset(local);
        return new DateTimeOffset(local.Ticks - offset.Ticks, TimeSpan.Zero);
    }

    /// <summary>The wall-clock time in <paramref name="zone"/> at <paramref name="instant"/>.</summary>
    public static DateTime ToWallTime(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).DateTime;
}
