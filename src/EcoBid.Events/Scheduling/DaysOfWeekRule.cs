namespace EcoBid.Events.Scheduling;

/// <summary>Listed days of the week (<c>MON-FRI</c>, <c>1,7</c>, <c>L</c> = 7 = Saturday, the last day of the week).</summary>
internal sealed class DaysOfWeekRule(CronValueSet days) : CronDayRule
{
    public override bool Matches(DateOnly day) => days.Contains(DayOfWeekNumber(day));
}
