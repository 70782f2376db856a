namespace EcoBid.Events.Scheduling;

/// <summary>
/// <c>d#n</c> in day-of-week: the n-th given day of the week in the month (<c>3#2</c> = second Tuesday).
/// A month without an n-th such day (a fifth Monday, say) has no fire.
/// </summary>
internal sealed class NthDayOfWeekInMonthRule(int dayOfWeek, int occurrence) : CronDayRule
{
    public override bool Matches(DateOnly day) =>
        DayOfWeekNumber(day) == dayOfWeek && ((day.Day - 1) / 7) + 1 == occurrence;
}
