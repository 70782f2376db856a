namespace EcoBid.Events.Scheduling;

/// <summary>Listed days of the month (<c>1,15</c>, <c>1-7</c>, <c>*</c>); a day the month lacks is skipped.</summary>
internal sealed class DaysOfMonthRule(CronValueSet days) : CronDayRule
{
    public override bool Matches(DateOnly day) => days.Contains(day.Day);
}
