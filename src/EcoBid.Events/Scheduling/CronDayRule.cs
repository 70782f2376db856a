namespace EcoBid.Events.Scheduling;

/// <summary>
/// Decides which calendar days a cron expression fires on. Exactly one of day-of-month and day-of-week is
/// specified (the other is <c>?</c>), so one rule covers both fields.
/// </summary>
internal abstract class CronDayRule
{
    public abstract bool Matches(DateOnly day);

    /// <summary>The day of the week as EventBridge numbers it: 1 = Sunday … 7 = Saturday.</summary>
    protected static int DayOfWeekNumber(DateOnly day) => (int)day.DayOfWeek + 1;

    protected static int DaysInMonth(DateOnly day) => DateTime.DaysInMonth(day.Year, day.Month);
}
