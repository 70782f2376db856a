namespace EcoBid.Events.Scheduling;

/// <summary>
/// <c>nW</c> in day-of-month: the Monday-to-Friday day nearest to day n, without leaving the month.
/// A Saturday moves to the Friday before, unless n is the 1st (then the Monday after, the 3rd);
/// a Sunday moves to the Monday after, unless n is the last day (then the Friday before).
/// A month without day n (31W in April) has no fire.
/// </summary>
internal sealed class NearestWeekdayRule(int dayOfMonth) : CronDayRule
{
    public int DayOfMonth { get; } = dayOfMonth;

    public override bool Matches(DateOnly day)
    {
        var daysInMonth = DaysInMonth(day);
        if (DayOfMonth > daysInMonth)
        {
            return false;
        }

        var target = new DateOnly(day.Year, day.Month, DayOfMonth);
        var nearest = target.DayOfWeek switch
        {
            DayOfWeek.Saturday => DayOfMonth == 1 ? target.AddDays(2) : target.AddDays(-1),
            DayOfWeek.Sunday => DayOfMonth == daysInMonth ? target.AddDays(-2) : target.AddDays(1),
            _ => target,
        };
        return day == nearest;
    }
}
