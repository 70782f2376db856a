namespace EcoBid.Events.Scheduling;

/// <summary><c>nL</c> in day-of-week: the last given day of the week in the month (<c>5L</c> = last Thursday).</summary>
internal sealed class LastDayOfWeekInMonthRule(int dayOfWeek) : CronDayRule
{
    public override bool Matches(DateOnly day) =>
        DayOfWeekNumber(day) == dayOfWeek && day.Day + 7 > DaysInMonth(day);
}
