namespace EcoBid.Events.Scheduling;

/// <summary><c>LW</c> in day-of-month: the last Monday-to-Friday day of the month.</summary>
internal sealed class LastWeekdayOfMonthRule : CronDayRule
{
    public override bool Matches(DateOnly day)
    {
        var last = new DateOnly(day.Year, day.Month, DaysInMonth(day));
        var lastWeekday = last.DayOfWeek switch
        {
            DayOfWeek.Saturday => last.AddDays(-1),
            DayOfWeek.Sunday => last.AddDays(-2),
            _ => last,
        };
        return day == lastWeekday;
    }
}
