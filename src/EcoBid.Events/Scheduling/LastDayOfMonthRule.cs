namespace EcoBid.Events.Scheduling;

/// <summary><c>L</c> in day-of-month: the last day of the month (28, 29, 30 or 31).</summary>
internal sealed class LastDayOfMonthRule : CronDayRule
{
    public override bool Matches(DateOnly day) => day.Day == DaysInMonth(day);
}
